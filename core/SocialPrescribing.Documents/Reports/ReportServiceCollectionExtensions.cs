using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SocialPrescribing.Documents.Reports;

/// <summary>Registers the reports subsystem.</summary>
public static class ReportServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ReportOptions"/> bound to <paramref name="section"/> (normally the
    /// <c>Reports</c> section) and validated at start-up, the <see cref="ReportRenderer"/> as a
    /// singleton, and a hosted service that loads the report templates while the host starts, so that
    /// a broken template stops start-up with a <see cref="DocumentTemplateException"/> naming the file
    /// and line. Independent of <c>AddDocuments</c>: neither needs the other.
    /// </summary>
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<ReportOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReportOptions>, ReportOptionsValidator>());
        services.TryAddSingleton<ReportRenderer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ReportTemplateWarmUp>());
        return services;
    }
}
