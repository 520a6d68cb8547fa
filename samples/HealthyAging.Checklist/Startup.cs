using Microsoft.Extensions.DependencyInjection;
using SocialPrescribing.Abstractions.Assessments;
using SocialPrescribing.Abstractions.Plugins;

namespace HealthyAging.Checklist;

/// <summary>The plugin's entry: one instrument, no settings.</summary>
public sealed class Startup : IPluginStartup
{
    public void ConfigureServices(IServiceCollection services, PluginContext context) =>
        services.AddSingleton<IAssessmentInstrument, HealthyAgingChecklist>();
}
