namespace SocialPrescribing.Host.Assessments;

/// <summary>Builds the catalogue while the host starts, so a tenant's bad wording stops start-up instead of failing a request.</summary>
internal sealed class AssessmentCatalogWarmUp(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<IAssessmentCatalog>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
