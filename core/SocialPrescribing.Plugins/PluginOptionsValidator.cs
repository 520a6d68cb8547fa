using Microsoft.Extensions.Options;

namespace SocialPrescribing.Plugins;

/// <summary>Refuses settings the resilience pipeline would reject later, naming the key.</summary>
internal sealed class PluginOptionsValidator : IValidateOptions<PluginOptions>
{
    private static readonly TimeSpan HalfSecond = TimeSpan.FromMilliseconds(500);

    public ValidateOptionsResult Validate(string? name, PluginOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var section = PluginOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add($"{section}:{nameof(PluginOptions.Directory)} must name a folder.");
        }

        if (options.StartupTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{section}:{nameof(PluginOptions.StartupTimeout)} must be positive.");
        }

        if (options.CallTimeout < TimeSpan.FromMilliseconds(10) || options.CallTimeout > TimeSpan.FromHours(1))
        {
            failures.Add($"{section}:{nameof(PluginOptions.CallTimeout)} must be from 00:00:00.010 to 01:00:00.");
        }

        if (options.MaxConcurrentCalls is < 1 or > 1000)
        {
            failures.Add($"{section}:{nameof(PluginOptions.MaxConcurrentCalls)} must be from 1 to 1000.");
        }

        if (options.BreakerFailureRatio is <= 0 or > 1)
        {
            failures.Add($"{section}:{nameof(PluginOptions.BreakerFailureRatio)} must be above 0 and at most 1.");
        }

        if (options.BreakerMinimumThroughput < 2)
        {
            failures.Add($"{section}:{nameof(PluginOptions.BreakerMinimumThroughput)} must be at least 2.");
        }

        if (options.BreakerSamplingDuration < HalfSecond)
        {
            failures.Add($"{section}:{nameof(PluginOptions.BreakerSamplingDuration)} must be at least 00:00:00.5.");
        }

        if (options.BreakerBreakDuration < HalfSecond)
        {
            failures.Add($"{section}:{nameof(PluginOptions.BreakerBreakDuration)} must be at least 00:00:00.5.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
