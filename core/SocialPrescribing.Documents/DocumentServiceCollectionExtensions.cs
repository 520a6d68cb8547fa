using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SocialPrescribing.Documents;

/// <summary>Registers the documents subsystem.</summary>
public static class DocumentServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DocumentOptions"/> bound to <paramref name="section"/> (normally the
    /// <c>Documents</c> section) and validated at start-up, the <see cref="DocumentTemplateCatalog"/>
    /// and the <see cref="DocumentRenderer"/> as singletons, and a hosted service that loads the
    /// templates while the host starts, so that a broken template stops start-up with a
    /// <see cref="DocumentTemplateException"/> naming the file and line.
    /// </summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<DocumentOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DocumentOptions>, DocumentOptionsValidator>());
        services.TryAddSingleton<DocumentTemplateCatalog>();
        services.TryAddSingleton<DocumentRenderer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DocumentTemplateWarmUp>());
        return services;
    }
}
