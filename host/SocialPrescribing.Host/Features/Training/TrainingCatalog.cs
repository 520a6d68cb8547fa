using System.Collections.Frozen;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Abstractions.Training;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Plugins;

namespace SocialPrescribing.Host.Features.Training;

/// <summary>
/// The training modules of each tenant: those of the plugins it enables. A module that cannot describe itself, or
/// whose knowledge check cannot be marked, or that names a competency the framework does not have, is left out and
/// logged; the others serve. Marking uses the SDK's own rules on the described check, so no request waits on a plugin.
/// </summary>
public sealed partial class TrainingCatalog
{
    private readonly IPluginCatalog _plugins;
    private readonly IPluginInvoker _invoker;
    private readonly ILogger<TrainingCatalog> _logger;
    private readonly Lock _building = new();
    private volatile FrozenDictionary<TenantId, IReadOnlyList<TrainingModuleInfo>> _byTenant;

    public TrainingCatalog(ITenantDirectory tenants, IPluginCatalog plugins, IPluginInvoker invoker, ILogger<TrainingCatalog> logger)
    {
        ArgumentNullException.ThrowIfNull(tenants);
        ArgumentNullException.ThrowIfNull(plugins);
        ArgumentNullException.ThrowIfNull(invoker);
        _plugins = plugins;
        _invoker = invoker;
        _logger = logger;
        _byTenant = tenants.All.ToFrozenDictionary(t => t.Id, t => (IReadOnlyList<TrainingModuleInfo>)Describe(t.Id));

        // A tenant whose plugins change while the host runs gets the modules of its new plugins.
        plugins.TenantChanged += tenant =>
        {
            var modules = Describe(tenant);
            lock (_building)
            {
                _byTenant = new Dictionary<TenantId, IReadOnlyList<TrainingModuleInfo>>(_byTenant) { [tenant] = modules }.ToFrozenDictionary();
            }
        };
    }

    private List<TrainingModuleInfo> Describe(TenantId tenant)
    {
        var modules = new List<TrainingModuleInfo>();
        foreach (var component in _plugins.ComponentsFor<ITrainingModule>(tenant))
        {
            try
            {
                // When the catalogue is built (start-up, or a change of the tenant's plugins), not on a request.
                modules.Add(_invoker.InvokeAsync(
                    component,
                    "describe",
                    m => new TrainingModuleInfo(m.Id, m.Version, m.Title, m.Summary, [.. m.Outcomes], [.. m.Lessons], m.KnowledgeCheck, component.PluginId),
                    m => Problem(m, component.ComponentId)).GetAwaiter().GetResult());
            }
            catch (PluginCallException ex)
            {
                LogLeftOut(_logger, tenant.Value, component.PluginId, component.ComponentId, PluginStatusNames.Of(ex.Reason));
            }
        }

        return modules;
    }

    public IReadOnlyList<TrainingModuleInfo> ModulesOf(TenantId tenant) => _byTenant.GetValueOrDefault(tenant) ?? [];

    public TrainingModuleInfo? Find(TenantId tenant, string moduleId) =>
        ModulesOf(tenant).FirstOrDefault(m => string.Equals(m.Id, moduleId, StringComparison.Ordinal));

    private static string? Problem(TrainingModuleInfo module, string componentId) =>
        module.Id != componentId ? $"a module id '{module.Id}' that is not its component id '{componentId}'"
        : string.IsNullOrWhiteSpace(module.Version) || string.IsNullOrWhiteSpace(module.Title) ? "no version or title"
        : module.KnowledgeCheck is null ? "no knowledge check"
        : module.KnowledgeCheck.Problems() is { Count: > 0 } problems ? string.Join(" ", problems)
        : module.Outcomes.FirstOrDefault(o => LinkWorkerCompetencies.Find(o.CompetencyId) is null) is { } unknown
            ? $"an outcome for competency '{unknown.CompetencyId}', which the framework does not have"
            : null;

    [LoggerMessage(Level = LogLevel.Error, Message = "Tenant {Tenant}: training module {Component} of plugin {Plugin} left out: describing it failed ({Reason})")]
    private static partial void LogLeftOut(ILogger logger, string tenant, string plugin, string component, string reason);
}
