using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage;

/// <summary>
/// The one definition of an audit entry's hash, used by every engine to append and by verification to check:
/// SHA-256, as lower-case hex, over a canonical encoding of the tenant, the sequence, the previous entry's hash and
/// every field of the entry.
/// </summary>
/// <remarks>
/// The encoding is a version tag (as text), then each value in this fixed order: tenant, sequence, previous hash,
/// time, actor, roles, client, journey id, category, action, outcome, purpose, break-glass reason, request id, source
/// address. Text is a presence byte (0 for null, 1 otherwise), its UTF-8 length as a big-endian 32-bit integer and its
/// UTF-8 bytes; numbers are big-endian 64-bit integers (the time as microseconds since the Unix epoch); a journey id as a presence byte and its 16 bytes in
/// RFC 9562 order. Every value says where it ends, so no two different entries encode alike, unlike plain
/// concatenation (actor <c>ab</c> and roles <c>c</c> would read as actor <c>a</c> and roles <c>bc</c>). Changing the
/// encoding means a new version tag, and verification that knows both.
/// </remarks>
public static class AuditChain
{
    /// <summary>The previous hash of each tenant's first entry: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    private static readonly byte[] VersionTag = "sp-audit-entry/1"u8.ToArray();

    /// <summary>The hash of <paramref name="entry"/> at <paramref name="sequence"/> after an entry hashed <paramref name="previousHash"/>.</summary>
    public static string Hash(AuditEntry entry, long sequence, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(previousHash);
        var buffer = new ArrayBufferWriter<byte>(512);
        Write(buffer, VersionTag);
        Write(buffer, entry.Tenant.Value);
        Write(buffer, sequence);
        Write(buffer, previousHash);
        Write(buffer, (entry.At.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10);
        Write(buffer, entry.Actor);
        Write(buffer, entry.Roles);
        Write(buffer, entry.Client);
        Write(buffer, entry.JourneyId);
        Write(buffer, entry.Category);
        Write(buffer, entry.Action);
        Write(buffer, entry.Outcome);
        Write(buffer, entry.Purpose);
        Write(buffer, entry.BreakGlassReason);
        Write(buffer, entry.RequestId);
        Write(buffer, entry.SourceAddress);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>The hash <paramref name="stored"/> should carry, from its fields, sequence and previous hash.</summary>
    public static string Hash(StoredAuditEntry stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return Hash(stored.Entry, stored.Sequence, stored.PreviousHash);
    }

    /// <summary>
    /// Chains <paramref name="entries"/> on from <paramref name="heads"/> (the current head of each tenant involved; a
    /// tenant missing from it starts at <see cref="AuditChainHead.Empty"/>), in list order, and moves
    /// <paramref name="heads"/> to the new last entries.
    /// </summary>
    public static IReadOnlyList<StoredAuditEntry> Link(IReadOnlyList<AuditEntry> entries, IDictionary<TenantId, AuditChainHead> heads)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(heads);
        var linked = new StoredAuditEntry[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var head = heads.TryGetValue(entry.Tenant, out var known) ? known : AuditChainHead.Empty;
            var sequence = head.Sequence + 1;
            var hash = Hash(entry, sequence, head.Hash);
            linked[i] = new StoredAuditEntry(entry, sequence, head.Hash, hash);
            heads[entry.Tenant] = new AuditChainHead(sequence, hash);
        }

        return linked;
    }

    /// <summary>The distinct tenants of <paramref name="entries"/> in ordinal order: the order engines lock their heads in.</summary>
    public static IReadOnlyList<TenantId> TenantsInLockOrder(IEnumerable<AuditEntry> entries) =>
        [.. entries.Select(e => e.Tenant).Distinct().Order(Comparer<TenantId>.Create((a, b) => string.CompareOrdinal(a.Value, b.Value)))];

    private static void Write(ArrayBufferWriter<byte> buffer, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    private static void Write(ArrayBufferWriter<byte> buffer, ReadOnlySpan<byte> bytes)
    {
        var span = buffer.GetSpan(5 + bytes.Length);
        span[0] = 1;
        BinaryPrimitives.WriteInt32BigEndian(span[1..], bytes.Length);
        bytes.CopyTo(span[5..]);
        buffer.Advance(5 + bytes.Length);
    }

    private static void Write(ArrayBufferWriter<byte> buffer, string? text)
    {
        if (text is null)
        {
            WriteAbsent(buffer);
            return;
        }

        Write(buffer, Encoding.UTF8.GetBytes(text));
    }

    private static void Write(ArrayBufferWriter<byte> buffer, Guid? id)
    {
        if (id is not { } value)
        {
            WriteAbsent(buffer);
            return;
        }

        var span = buffer.GetSpan(17);
        span[0] = 1;
        value.TryWriteBytes(span[1..], bigEndian: true, out _);
        buffer.Advance(17);
    }

    private static void WriteAbsent(ArrayBufferWriter<byte> buffer)
    {
        buffer.GetSpan(1)[0] = 0;
        buffer.Advance(1);
    }
}
