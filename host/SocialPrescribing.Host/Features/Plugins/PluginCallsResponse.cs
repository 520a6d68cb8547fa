namespace SocialPrescribing.Host.Features.Plugins;

/// <summary>How calls into a plugin for one tenant have gone since start-up.</summary>
/// <param name="Calls">Calls made.</param>
/// <param name="Failures">Calls that failed.</param>
/// <param name="Running">Calls whose plugin code is running now, timed-out ones included until they return.</param>
/// <param name="Circuit"><c>closed</c>, <c>open</c>, <c>half-open</c> or <c>isolated</c>.</param>
/// <param name="LastFailure"><c>timeout</c>, <c>circuit-open</c>, <c>faulted</c>, <c>invalid-result</c> or <c>saturated</c>; null when none.</param>
/// <param name="LastFailureAt">When the last failure happened; null when none.</param>
internal sealed record PluginCallsResponse(long Calls, long Failures, int Running, string Circuit, string? LastFailure, DateTimeOffset? LastFailureAt);
