using SocialPrescribing.Storage;

namespace SocialPrescribing.Host.Features.Audit;

/// <summary>Gathers one person's audit entries into an <see cref="AccessReportResponse"/>.</summary>
internal static class AccessReport
{
    /// <summary>What the report calls the host when it acted on its own (a job).</summary>
    public const string SystemName = "System";

    public static async Task<AccessReportResponse> BuildAsync(
        Guid journeyId,
        DateTimeOffset? from,
        DateTimeOffset? to,
        DateTimeOffset now,
        IAsyncEnumerable<StoredAuditEntry> entries,
        IReadOnlyDictionary<string, string> displayNames)
    {
        var lines = new Dictionary<(string, string?, string?, string, string, string), Line>();
        long count = 0;
        await foreach (var stored in entries)
        {
            count++;
            var e = stored.Entry;
            var key = (e.Actor, e.Roles, e.Client, e.Category, e.Action, e.Outcome);
            if (!lines.TryGetValue(key, out var line))
            {
                lines[key] = line = new Line(e.At);
            }

            line.Times++;
            line.Last = e.At;
            if (e.BreakGlassReason is { } reason && !line.Reasons.Contains(reason))
            {
                line.Reasons.Add(reason);
            }
        }

        var accesses = lines
            .Select(pair => new AccessReportLine(
                pair.Key.Item1,
                displayNames.TryGetValue(pair.Key.Item1, out var name) ? name : pair.Key.Item1 == "system" ? SystemName : pair.Key.Item1,
                pair.Key.Item2,
                pair.Key.Item3,
                pair.Key.Item4,
                pair.Key.Item5,
                pair.Key.Item6,
                pair.Value.Times,
                pair.Value.First,
                pair.Value.Last,
                pair.Value.Reasons))
            .OrderBy(l => l.First)
            .ThenBy(l => l.Actor, StringComparer.Ordinal)
            .ToList();
        return new AccessReportResponse(journeyId, now, from, to, count, count >= Application.Audit.AuditQueries.MaxReportEntries, accesses);
    }

    private sealed class Line(DateTimeOffset first)
    {
        public DateTimeOffset First { get; } = first;

        public DateTimeOffset Last { get; set; } = first;

        public int Times { get; set; }

        public List<string> Reasons { get; } = [];
    }
}
