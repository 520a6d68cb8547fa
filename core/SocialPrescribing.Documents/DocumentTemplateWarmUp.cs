using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SocialPrescribing.Documents;

/// <summary>
/// Builds the template catalog as the host starts, so that a broken template stops start-up with
/// the catalog's message instead of failing the first request for a document.
/// </summary>
internal sealed class DocumentTemplateWarmUp(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<DocumentTemplateCatalog>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
