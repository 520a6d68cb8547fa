namespace SocialPrescribing.Plugins;

/// <summary>Why a call into a plugin gave no usable result.</summary>
public enum PluginCallFailure
{
    /// <summary>The plugin did not answer within <see cref="PluginOptions.CallTimeout"/>.</summary>
    Timeout,

    /// <summary>
    /// The plugin failed too often lately for this tenant, so the call was refused without calling it; calls are
    /// tried again after <see cref="PluginOptions.BreakerBreakDuration"/>.
    /// </summary>
    CircuitOpen,

    /// <summary>The plugin threw an exception.</summary>
    Faulted,

    /// <summary>The plugin answered with nothing, or with a result that fails the caller's checks.</summary>
    InvalidResult,

    /// <summary>
    /// <see cref="PluginOptions.MaxConcurrentCalls"/> calls into the plugin for this tenant were still running (calls
    /// that timed out count until the plugin's code returns), so the call was refused without calling it.
    /// </summary>
    Saturated,
}
