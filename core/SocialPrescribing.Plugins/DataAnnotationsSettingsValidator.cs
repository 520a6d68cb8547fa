using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SocialPrescribing.Plugins;

/// <summary>
/// Validates a plugin's settings with their data annotations (and <see cref="IValidatableObject"/>), naming
/// each setting at fault by its full configuration path.
/// </summary>
internal sealed class DataAnnotationsSettingsValidator<TSettings>(string sectionPath) : IValidateOptions<TSettings>
    where TSettings : class
{
    public ValidateOptionsResult Validate(string? name, TSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        foreach (var result in results)
        {
            var members = result.MemberNames.Where(m => !string.IsNullOrEmpty(m)).ToList();
            if (members.Count == 0)
            {
                failures.Add($"{sectionPath}: {result.ErrorMessage}");
            }

            failures.AddRange(members.Select(member => $"{sectionPath}:{member}: {result.ErrorMessage}"));
        }

        return ValidateOptionsResult.Fail(failures);
    }
}
