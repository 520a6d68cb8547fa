using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Grains.Projections;

/// <summary>
/// A program's activity, an asynchronous projection: per day on the program's calendar, how many of each journey
/// event were recorded (referrals received, contacts made, assessments, safety alerts, trips…). Counts only, no
/// person: what a program manager watches week by week, read without touching a stream or the caseload.
/// </summary>
public sealed class ActivityProjection(ITenantDirectory tenants) : ITallyProjection
{
    /// <summary>The projection's name, as <c>projections rebuild --name</c> takes it.</summary>
    public const string ProjectionName = "activity";

    public string Name => ProjectionName;

    public IReadOnlySet<string>? EventTypes => null;

    public IEnumerable<TallyChange> Tally(IReadOnlyList<FeedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            // The day the event happened where the program is; a tenant no longer configured counts in UTC.
            var day = tenants.TryGet(e.Tenant, out var tenant)
                ? BusinessCalendar.LocalDate(e.Event.OccurredAt, tenant)
                : DateOnly.FromDateTime(e.Event.OccurredAt.UtcDateTime);
            yield return new TallyChange(e.Tenant, day, e.Event.Type, 1);
        }
    }
}
