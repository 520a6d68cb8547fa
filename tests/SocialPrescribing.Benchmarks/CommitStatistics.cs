using System.Globalization;
using SocialPrescribing.Storage.Postgres;

namespace SocialPrescribing.Benchmarks;

/// <summary>Appends per committed transaction over a measurement: how much group commit grouped.</summary>
internal static class CommitStatistics
{
    public static Func<string?> Begin(PostgresJourneyStore store)
    {
        var before = store.AppendStatistics;
        return () =>
        {
            var after = store.AppendStatistics;
            var transactions = after.Transactions - before.Transactions;
            var appends = after.Appends - before.Appends;
            return transactions == 0
                ? null
                : string.Create(CultureInfo.InvariantCulture, $"{(double)appends / transactions:0.0} appends/commit");
        };
    }
}
