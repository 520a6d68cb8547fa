using Microsoft.Extensions.Options;

namespace SocialPrescribing.Documents;

/// <summary>
/// The checks shared by the document and report options. Limits of zero or less are refused: Scriban
/// reads zero as "no limit", so a mistyped setting would quietly take a template out of its sandbox.
/// </summary>
internal static class TemplateOptionsValidation
{
    public static ValidateOptionsResult Validate(string sectionName, string? templateDirectory, SandboxLimits limits)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(templateDirectory))
        {
            failures.Add($"{sectionName}:TemplateDirectory must name a folder.");
        }

        foreach (var (setting, value) in new[]
        {
            (nameof(SandboxLimits.LoopLimit), limits.LoopLimit),
            (nameof(SandboxLimits.RecursiveLimit), limits.RecursiveLimit),
            (nameof(SandboxLimits.OutputLimit), limits.OutputLimit),
        })
        {
            if (value <= 0)
            {
                failures.Add($"{sectionName}:{setting} must be positive; it was {value}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
