using System.Collections.Immutable;
using System.Text.Json;
using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Domain.Outcomes;

/// <summary>
/// A journey's assessments reduced to what outcome reports need — instrument, timepoint, time and scores — kept on
/// the caseload row. Responses, flags and who recorded them stay in the stream only.
/// </summary>
public static class AssessmentDigest
{
    /// <summary>The digest of <paramref name="assessments"/>, or null when there are none.</summary>
    public static string? Write(IReadOnlyCollection<RecordedAssessment> assessments)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        return assessments.Count == 0
            ? null
            : JsonSerializer.Serialize(
                assessments.Select(a => new Entry(a.Id, a.Instrument, a.InstrumentVersion, a.Timepoint, a.RecordedAt, a.Scores)),
                JourneyJson.Options);
    }

    /// <summary>The instruments <paramref name="assessments"/> hold a baseline of, as a JSON array of ids in order; null when none.</summary>
    public static string? BaselineInstruments(IEnumerable<RecordedAssessment> assessments)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        var instruments = assessments.Where(a => a.Timepoint == AssessmentTimepoint.Baseline).Select(a => a.Instrument).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return instruments.Count == 0 ? null : JsonSerializer.Serialize(instruments, JourneyJson.Options);
    }

    /// <summary>The assessments of a digest, without responses, flags or recorder.</summary>
    /// <exception cref="JsonException">The text is not a digest.</exception>
    public static ImmutableArray<RecordedAssessment> Read(string digest) =>
        [
            .. (JsonSerializer.Deserialize<Entry[]>(digest, JourneyJson.Options) ?? [])
                .Select(e => new RecordedAssessment(e.Id, e.Instrument, e.Version, e.Timepoint, [], e.Scores, [], e.At, string.Empty)),
        ];

    private sealed record Entry(
        Guid Id,
        string Instrument,
        string Version,
        AssessmentTimepoint Timepoint,
        DateTimeOffset At,
        ImmutableArray<AssessmentScore> Scores);
}
