namespace SocialPrescribing.Storage;

/// <summary>What the stores do alike with a projection's tally changes.</summary>
internal static class TallyChanges
{
    /// <summary>The changes added up per (tenant, day, key), in a stable order, leaving out those that add nothing; each key checked.</summary>
    public static IReadOnlyList<TallyChange> Sum(IEnumerable<TallyChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var sums = new Dictionary<(string Tenant, DateOnly Day, string Key), TallyChange>();
        foreach (var change in changes)
        {
            if (string.IsNullOrEmpty(change.Key) || change.Key.Length > 100)
            {
                throw new ArgumentException("A tally's key is 1 to 100 characters.", nameof(changes));
            }

            var at = (change.Tenant.Value, change.Day, change.Key);
            sums[at] = sums.TryGetValue(at, out var sum) ? sum with { Delta = sum.Delta + change.Delta } : change;
        }

        return [.. sums.Values.Where(c => c.Delta != 0).OrderBy(c => c.Tenant.Value, StringComparer.Ordinal).ThenBy(c => c.Day).ThenBy(c => c.Key, StringComparer.Ordinal)];
    }
}
