using System.Collections.Immutable;
using System.Text.Json;

namespace SocialPrescribing.Domain.Journeys;

/// <summary>
/// A journey's open safety alerts as kept on its caseload row, so the supervisors' list of open alerts is one indexed
/// read of the rows that have any, never a replay of each journey: the alert, the assessment and instrument flag that
/// raised it, and when it was raised and notified. Acknowledged alerts leave the digest.
/// </summary>
public static class SafetyAlertDigest
{
    /// <summary>The digest of <paramref name="state"/>'s open safety alerts, oldest first, or null when none is open.</summary>
    public static string? Write(JourneyState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var open = state.SafetyAlerts.Where(a => a.IsOpen).OrderBy(a => a.RaisedAt).ToList();
        return open.Count == 0 ? null : JsonSerializer.Serialize(open, JourneyJson.Options);
    }

    /// <summary>When the oldest of <paramref name="state"/>'s open safety alerts was raised, or null when none is open.</summary>
    public static DateTimeOffset? OldestOpen(JourneyState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.SafetyAlerts.Where(a => a.IsOpen).Select(a => (DateTimeOffset?)a.RaisedAt).Min();
    }

    /// <summary>The open alerts a digest holds, oldest first.</summary>
    /// <exception cref="JsonException">The text is not a digest.</exception>
    public static ImmutableArray<SafetyAlert> Read(string digest) =>
        [.. (JsonSerializer.Deserialize<SafetyAlert[]>(digest, JourneyJson.Options) ?? []).OrderBy(a => a.RaisedAt)];
}
