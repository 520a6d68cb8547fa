using SocialPrescribing.Abstractions;
using SocialPrescribing.Grains.Projections;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Application.Projections;

/// <summary>One day of a program's activity: how many of each journey event were recorded (only those that were).</summary>
public sealed record ActivityDay(DateOnly Day, IReadOnlyDictionary<string, long> Events);

/// <summary>
/// A program's activity over a period, from the asynchronous activity projection: every day of the period, both ends
/// included (days without activity too, empty), and the totals per event type. Counts of events, not of people; it may
/// lag the latest commands by about a second.
/// </summary>
public sealed record ActivityReport(string Tenant, DateOnly From, DateOnly To, IReadOnlyList<ActivityDay> Days, IReadOnlyDictionary<string, long> Totals);

/// <summary>The activity report's use case.</summary>
public sealed class ActivityQueries(IProjectionTallies tallies)
{
    /// <summary>The longest period one report covers, in days.</summary>
    public const int MaxDays = 366;

    /// <summary><paramref name="tenant"/>'s activity from <paramref name="from"/> to <paramref name="to"/>, both included (at most <see cref="MaxDays"/>).</summary>
    public async Task<ActivityReport> ForPeriodAsync(TenantId tenant, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (to < from || to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"A period of 1 to {MaxDays} days.");
        }

        var rows = await tallies.ReadTalliesAsync(tenant, ActivityProjection.ProjectionName, from, to, cancellationToken);
        var byDay = rows.GroupBy(r => r.Day).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, long>)g.ToDictionary(r => r.Key, r => r.Count, StringComparer.Ordinal));
        var empty = new Dictionary<string, long>(StringComparer.Ordinal);
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1)
            .Select(offset => from.AddDays(offset))
            .Select(day => new ActivityDay(day, byDay.TryGetValue(day, out var events) ? events : empty))
            .ToList();
        var totals = rows.GroupBy(r => r.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(r => r.Count), StringComparer.Ordinal);
        return new ActivityReport(tenant.Value, from, to, days, totals);
    }
}
