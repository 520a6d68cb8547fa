using SocialPrescribing.Abstractions;
using SocialPrescribing.Abstractions.Assessments;
using SocialPrescribing.Plugins;

namespace SocialPrescribing.Host.Features.Assessments;

/// <summary>The instruments of the plugins a tenant enables. One that cannot describe itself is left out and logged; the rest serve.</summary>
internal sealed partial class PluginInstrumentSource(IPluginCatalog plugins, IPluginInvoker invoker, ILogger<PluginInstrumentSource> logger) : IInstrumentSource
{
    public IEnumerable<(IAssessmentInstrument Instrument, string Source)> InstrumentsOf(TenantId tenant)
    {
        foreach (var component in plugins.ComponentsFor<IAssessmentInstrument>(tenant))
        {
            PluginInstrument? instrument = null;
            try
            {
                // Start-up only: the catalogue is built once, before requests are served.
                instrument = PluginInstrument.LoadAsync(component, invoker, CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (PluginCallException ex)
            {
                LogRefused(tenant.Value, component.PluginId, component.ComponentId, ex.Reason.ToString());
            }

            if (instrument is not null)
            {
                yield return (instrument, component.PluginId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Tenant {Tenant}: instrument {Component} of plugin {Plugin} left out of the catalogue: describing it failed ({Reason})")]
    private partial void LogRefused(string tenant, string plugin, string component, string reason);
}
