using System.Globalization;
using SocialPrescribing.Storage.Postgres;
using SocialPrescribing.Storage.Sqlite;

namespace SocialPrescribing.Benchmarks;

/// <summary>Appends per committed transaction over a measurement: how much group commit grouped.</summary>
internal static class CommitStatistics
{
    public static Func<string?> Begin(PostgresJourneyStore store) =>
        Begin(() => (store.AppendStatistics.Transactions, store.AppendStatistics.Appends));

    public static Func<string?> Begin(SqliteJourneyStore store) =>
        Begin(() => (store.AppendStatistics.Transactions, store.AppendStatistics.Appends));

    private static Func<string?> Begin(Func<(long Transactions, long Appends)> read)
    {
        var before = read();
        return () =>
        {
            var after = read();
            var transactions = after.Transactions - before.Transactions;
            var appends = after.Appends - before.Appends;
            return transactions == 0
                ? null
                : string.Create(CultureInfo.InvariantCulture, $"{(double)appends / transactions:0.0} appends/commit");
        };
    }
}
