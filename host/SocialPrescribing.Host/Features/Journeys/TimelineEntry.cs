using System.Text.Json.Nodes;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Events;

namespace SocialPrescribing.Host.Features.Journeys;

/// <summary>One event as shown on a journey's timeline: metadata beside, the event's own fields under <c>data</c>.</summary>
internal sealed record TimelineEntry(long Version, string Type, DateTimeOffset OccurredAt, string Actor, Guid CommandId, JsonObject Data)
{
    private static readonly string[] Metadata = ["type", "commandId", "actor", "occurredAt", "commandFingerprint"];

    public static TimelineEntry From(JourneyEvent e, long version)
    {
        var data = JsonNode.Parse(JourneyJson.Serialize(e))!.AsObject();
        foreach (var key in Metadata)
        {
            data.Remove(key);
        }

        return new TimelineEntry(version, e.Type, e.OccurredAt, e.Actor, e.CommandId, data);
    }

    /// <summary>The timeline of a view, each event at its version in the stream.</summary>
    public static IReadOnlyList<TimelineEntry> Of(SocialPrescribing.Grains.Journeys.JourneyView view) =>
        [.. view.NumberedTimeline().Select(n => From(n.Event, n.Version))];

    /// <summary>Timeline entries of consecutive events, the last of which is at <paramref name="lastVersion"/>.</summary>
    public static IReadOnlyList<TimelineEntry> Of(IReadOnlyList<JourneyEvent> events, long lastVersion) =>
        [.. events.Select((e, i) => From(e, lastVersion - events.Count + 1 + i))];
}
