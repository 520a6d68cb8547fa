using Microsoft.Extensions.Options;

namespace SocialPrescribing.Documents;

/// <summary>
/// Refuses limits of zero or less: Scriban reads zero as "no limit", so a mistyped setting would
/// quietly take a template out of its sandbox.
/// </summary>
internal sealed class DocumentOptionsValidator : IValidateOptions<DocumentOptions>
{
    public ValidateOptionsResult Validate(string? name, DocumentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.TemplateDirectory))
        {
            failures.Add($"{DocumentOptions.SectionName}:{nameof(DocumentOptions.TemplateDirectory)} must name a folder.");
        }

        foreach (var (setting, value) in new[]
        {
            (nameof(DocumentOptions.LoopLimit), options.LoopLimit),
            (nameof(DocumentOptions.RecursiveLimit), options.RecursiveLimit),
            (nameof(DocumentOptions.OutputLimit), options.OutputLimit),
        })
        {
            if (value <= 0)
            {
                failures.Add($"{DocumentOptions.SectionName}:{setting} must be positive; it was {value}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
