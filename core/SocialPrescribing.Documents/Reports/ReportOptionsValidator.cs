using Microsoft.Extensions.Options;

namespace SocialPrescribing.Documents.Reports;

/// <summary>Refuses an empty template folder and limits of zero or less (see <see cref="TemplateOptionsValidation"/>).</summary>
internal sealed class ReportOptionsValidator : IValidateOptions<ReportOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TemplateOptionsValidation.Validate(ReportOptions.SectionName, options.TemplateDirectory, options.Limits);
    }
}
