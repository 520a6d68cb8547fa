namespace SocialPrescribing.Plugins;

/// <summary>How calls into one plugin for one tenant have gone since start-up.</summary>
public sealed record PluginCallHealth
{
    /// <summary>Calls made, successful or not (refusals by an open circuit included).</summary>
    public required long Calls { get; init; }

    /// <summary>Calls that failed, for any <see cref="PluginCallFailure"/>.</summary>
    public required long Failures { get; init; }

    /// <summary>Calls whose plugin code is running now, including calls that timed out but have not returned.</summary>
    public int Running { get; init; }

    /// <summary>The state of the circuit: <c>closed</c> (calls go through), <c>open</c> (refused), <c>half-open</c> (trying) or <c>isolated</c>.</summary>
    public required string Circuit { get; init; }

    /// <summary>Why the last failed call failed, or null when none has.</summary>
    public PluginCallFailure? LastFailure { get; init; }

    /// <summary>When the last failed call failed, or null when none has.</summary>
    public DateTimeOffset? LastFailureAt { get; init; }
}
