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
    private readonly FrozenDictionary<TenantId, IReadOnlyList<TrainingModuleInfo>> _byTenant;

    public TrainingCatalog(ITenantDirectory tenants, IPluginCatalog plugins, IPluginInvoker invoker, ILogger<TrainingCatalog> logger)
    {
        ArgumentNullException.ThrowIfNull(tenants);
        ArgumentNullException.ThrowIfNull(plugins);
        ArgumentNullException.ThrowIfNull(invoker);
        var byTenant = new Dictionary<TenantId, IReadOnlyList<TrainingModuleInfo>>();
        foreach (var tenant in tenants.All)
        {
            var modules = new List<TrainingModuleInfo>();
            foreach (var component in plugins.ComponentsFor<ITrainingModule>(tenant.Id))
            {
                try
                {
                    // Start-up only: the catalogue is built once, before requests are served.
                    modules.Add(invoker.InvokeAsync(
                        component,
                        "describe",
                        m => new TrainingModuleInfo(m.Id, m.Version, m.Title, m.Summary, [.. m.Outcomes], [.. m.Lessons], m.KnowledgeCheck, component.PluginId),
                        m => Problem(m, component.ComponentId)).GetAwaiter().GetResult());
                }
                catch (PluginCallException ex)
                {
                    LogLeftOut(logger, tenant.Id.Value, component.PluginId, component.ComponentId, PluginStatusNames.Of(ex.Reason));
                }
            }

            byTenant[tenant.Id] = modules;
        }

        _byTenant = byTenant.ToFrozenDictionary();
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
