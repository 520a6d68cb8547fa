using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SocialPrescribing.Documents.Reports;

/// <summary>
/// Builds the report renderer, and with it the report template catalog, as the host starts, so that
/// a broken report template stops start-up instead of failing the first request for a report.
/// </summary>
internal sealed class ReportTemplateWarmUp(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<ReportRenderer>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
