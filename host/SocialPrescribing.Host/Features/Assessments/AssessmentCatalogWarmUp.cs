using SocialPrescribing.Host.Features.Training;

namespace SocialPrescribing.Host.Features.Assessments;

/// <summary>
/// Builds the assessment and training catalogues while the host starts, so a tenant's bad wording stops start-up,
/// and plugins are described once, before any request waits on them.
/// </summary>
internal sealed class AssessmentCatalogWarmUp(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<IAssessmentCatalog>();
        _ = services.GetRequiredService<TrainingCatalog>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
