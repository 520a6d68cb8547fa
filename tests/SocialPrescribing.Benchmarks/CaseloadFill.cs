using SocialPrescribing.Abstractions;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Benchmarks;

/// <summary>
/// Journeys put in a store before a scenario is measured, through the store's own appends: a program's caseload table
/// holds thousands of rows, and the plans PostgreSQL picks for the caseload's lookups (and for row-level security on
/// them) differ between a table of 64 rows and one of many thousands.
/// </summary>
internal static class CaseloadFill
{
    /// <summary>A tenant no scenario measures, whose rows sit beside the measured tenant's.</summary>
    public static readonly TenantId OtherTenant = TenantId.Parse("zz");

    public static Task FillAsync(IJourneyStore store, IReadOnlyList<TenantId> tenants, int perTenant, CancellationToken cancellationToken)
    {
        if (perTenant <= 0)
        {
            return Task.CompletedTask;
        }

        var body = SampleEvents.ContactBody();
        var journeys = tenants.SelectMany(tenant => Enumerable.Range(0, perTenant).Select(_ => tenant));
        return Parallel.ForEachAsync(journeys, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken }, async (tenant, token) =>
        {
            var now = DateTimeOffset.UtcNow;
            var summary = new JourneySummary("engaged", SampleEvents.Actor, "Marie Tremblay", now, null, false, false, now);
            await store.AppendAsync(new JourneyAppend(tenant, Guid.CreateVersion7(), 0, [new NewEvent("ContactRecorded", body, Guid.CreateVersion7(), SampleEvents.Actor, now)], summary), token);
        });
    }
}
