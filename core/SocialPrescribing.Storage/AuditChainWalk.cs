using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage;

/// <summary>
/// Verification of one tenant's chain, fed its entries in ascending sequence (as read, so no engine holds a whole
/// chain in memory) and then its recorded head. Every engine verifies through this one walk.
/// </summary>
public sealed class AuditChainWalk(TenantId tenant, AuditChainHead anchor)
{
    /// <summary>How far from its place an entry that fails its hash is looked for, to tell a moved entry from a changed one.</summary>
    private const int ReorderWindow = 256;

    /// <summary>How many entries <see cref="VerifyAsync"/> asks for at a time.</summary>
    public const int ChunkSize = 5000;

    private long _expected = anchor.Sequence + 1;
    private string _previous = anchor.Hash;
    private long _read;
    private (long At, AuditChainBreak Why, string Detail)? _break;

    public AuditChainWalk(TenantId tenant)
        : this(tenant, AuditChainHead.Empty)
    {
    }

    /// <summary>
    /// Verifies a tenant's chain against its recorded <paramref name="head"/>, from its <paramref name="anchor"/> (where
    /// a purge left it to start; <see cref="AuditChainHead.Empty"/> for a whole chain), reading it through
    /// <paramref name="readAfter"/>: up to <see cref="ChunkSize"/> entries after a sequence, in ascending sequence.
    /// Reading stops at the first break, so a broken chain is not read to its end.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(
        TenantId tenant, AuditChainHead anchor, AuditChainHead head, Func<long, Task<IReadOnlyList<StoredAuditEntry>>> readAfter)
    {
        ArgumentNullException.ThrowIfNull(readAfter);
        var walk = new AuditChainWalk(tenant, anchor);
        for (var after = anchor.Sequence; ;)
        {
            var entries = await readAfter(after).ConfigureAwait(false);
            foreach (var entry in entries)
            {
                if (!walk.Next(entry))
                {
                    return walk.Finish(head);
                }
            }

            if (entries.Count < ChunkSize)
            {
                return walk.Finish(head);
            }

            after = entries[^1].Sequence;
        }
    }

    /// <summary>True once a break has been found; later entries are then not needed.</summary>
    public bool IsBroken => _break is not null;

    /// <summary>Checks the next entry; false when the chain breaks here (or broke earlier) and reading may stop.</summary>
    public bool Next(StoredAuditEntry stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (_break is not null)
        {
            return false;
        }

        _read++;
        if (stored.Sequence != _expected)
        {
            // Rows come in ascending sequence and the key is unique, so a different sequence can only be a later one.
            return Broken(_expected, AuditChainBreak.Removed, $"Entries {_expected} to {stored.Sequence - 1} are missing.");
        }

        if (AuditChain.Hash(stored) != stored.Hash)
        {
            return WrittenAt(stored) is { } original
                ? Broken(stored.Sequence, AuditChainBreak.Reordered, $"Entry {stored.Sequence} holds the entry written as {original}.")
                : Broken(stored.Sequence, AuditChainBreak.Changed, $"Entry {stored.Sequence} does not match its hash: it was changed.");
        }

        if (stored.PreviousHash != _previous)
        {
            return Broken(stored.Sequence, AuditChainBreak.BrokenLink, $"Entry {stored.Sequence} does not link to entry {stored.Sequence - 1}, which was changed or replaced.");
        }

        _previous = stored.Hash;
        _expected++;
        return true;
    }

    /// <summary>The outcome, given the head recorded when the chain was last appended to (<see cref="AuditChainHead.Empty"/> when none).</summary>
    public AuditVerification Finish(AuditChainHead head)
    {
        var last = _expected - 1;
        if (_break is null && head.Sequence > last)
        {
            Broken(_expected, AuditChainBreak.Removed, $"Entries {_expected} to {head.Sequence} are missing from the end of the chain.");
        }
        else if (_break is null && head.Sequence < last)
        {
            Broken(head.Sequence + 1, AuditChainBreak.BrokenLink, $"Entries after {head.Sequence} were not appended through the log.");
        }
        else if (_break is null && head.Hash != _previous)
        {
            Broken(last, AuditChainBreak.BrokenLink, $"The chain's recorded head does not match entry {last}.");
        }

        return _break is { } broken
            ? new AuditVerification(tenant, _read, head.Sequence, broken.At, broken.Why, broken.Detail)
            : new AuditVerification(tenant, _read, head.Sequence, null, null, null);
    }

    private bool Broken(long at, AuditChainBreak why, string detail)
    {
        _break = (at, why, detail);
        return false;
    }

    /// <summary>The sequence nearby at which the entry, unchanged, was written, or null when it was changed.</summary>
    private static long? WrittenAt(StoredAuditEntry stored)
    {
        for (var distance = 1; distance <= ReorderWindow; distance++)
        {
            foreach (var candidate in (long[])[stored.Sequence - distance, stored.Sequence + distance])
            {
                if (candidate > 0 && AuditChain.Hash(stored.Entry, candidate, stored.PreviousHash) == stored.Hash)
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
