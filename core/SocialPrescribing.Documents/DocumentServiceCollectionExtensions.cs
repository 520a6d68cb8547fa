using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace SocialPrescribing.Documents;

/// <summary>Registers the documents subsystem.</summary>
public static class DocumentServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DocumentOptions"/> bound to <paramref name="section"/> (normally the
    /// <c>Documents</c> section), the <see cref="DocumentTemplateCatalog"/> and the
    /// <see cref="DocumentRenderer"/> as singletons, and a hosted service that loads the templates
    /// while the host starts, so a broken template stops start-up with a
    /// <see cref="DocumentTemplateException"/>.
    /// </summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<DocumentOptions>().Bind(section);
        services.TryAddSingleton<DocumentTemplateCatalog>();
        services.TryAddSingleton<DocumentRenderer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DocumentTemplateWarmUp>());
        return services;
    }
}
