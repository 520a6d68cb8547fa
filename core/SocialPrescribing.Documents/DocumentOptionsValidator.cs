using Microsoft.Extensions.Options;

namespace SocialPrescribing.Documents;

/// <summary>Refuses an empty template folder and limits of zero or less (see <see cref="TemplateOptionsValidation"/>).</summary>
internal sealed class DocumentOptionsValidator : IValidateOptions<DocumentOptions>
{
    public ValidateOptionsResult Validate(string? name, DocumentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TemplateOptionsValidation.Validate(DocumentOptions.SectionName, options.TemplateDirectory, options.Limits);
    }
}
