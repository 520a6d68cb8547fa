using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage.Tests;

/// <summary>The hash every engine chains entries with: fixed, unambiguous, and covering every field.</summary>
public sealed class AuditChainTests
{
    private static readonly AuditEntry Sample = new(
        TenantId.Parse("on"), new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero).AddTicks(10), "lw-1", "link-worker", "sp-web",
        Guid.Parse("0193a6f0-0000-7000-8000-000000000001"), "journey", "read", AuditEntry.Allowed, "care", null, "req-1", "192.0.2.1");

    [Fact]
    public void The_hash_of_an_entry_never_changes_between_versions()
    {
        // Pinned: a different value means stored chains no longer verify. Change the encoding only with a new version tag.
        Assert.Equal(Pinned, AuditChain.Hash(Sample, 1, AuditChain.Genesis));
    }

    [Fact]
    public void Moving_text_from_one_field_to_the_next_changes_the_hash()
    {
        var one = Sample with { Actor = "lw-1a", Roles = "b" };
        var other = Sample with { Actor = "lw-1", Roles = "ab" };

        Assert.NotEqual(AuditChain.Hash(one, 1, AuditChain.Genesis), AuditChain.Hash(other, 1, AuditChain.Genesis));
    }

    public static TheoryData<string> Changes => [.. Changed.Keys];

    private static readonly Dictionary<string, Func<AuditEntry, AuditEntry>> Changed = new()
    {
        ["tenant"] = e => e with { Tenant = TenantId.Parse("ab") },
        ["time"] = e => e with { At = e.At.AddTicks(10) },
        ["actor"] = e => e with { Actor = "lw-2" },
        ["roles"] = e => e with { Roles = null },
        ["client"] = e => e with { Client = "sp-cli" },
        ["journey"] = e => e with { JourneyId = null },
        ["category"] = e => e with { Category = "note" },
        ["action"] = e => e with { Action = "update" },
        ["outcome"] = e => e with { Outcome = AuditEntry.Denied },
        ["purpose"] = e => e with { Purpose = "cares" },
        ["break-glass reason"] = e => e with { BreakGlassReason = "crisis" },
        ["request id"] = e => e with { RequestId = "req-2" },
        ["source address"] = e => e with { SourceAddress = null },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Every_field_is_covered_by_the_hash(string field)
    {
        Assert.NotEqual(Pinned, AuditChain.Hash(Changed[field](Sample), 1, AuditChain.Genesis));
    }

    [Fact]
    public void The_sequence_and_previous_hash_are_covered_by_the_hash()
    {
        Assert.NotEqual(Pinned, AuditChain.Hash(Sample, 2, AuditChain.Genesis));
        Assert.NotEqual(Pinned, AuditChain.Hash(Sample, 1, new string('1', 64)));
    }

    [Fact]
    public void Times_are_kept_in_utc_to_the_microsecond_however_they_are_given()
    {
        var local = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(-5)).AddTicks(17);

        var entry = Sample with { At = local };

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero).AddTicks(10), entry.At);
        Assert.Equal(TimeSpan.Zero, entry.At.Offset);
        Assert.Equal(Pinned, AuditChain.Hash(entry, 1, AuditChain.Genesis));
    }

    // Computed once, and checked against an implementation of the documented encoding written apart from this one.
    private const string Pinned = "48c62ce1d9e7cd9d63e27ef157d1ddddb67d9fa0d2c8b03e23241b3a680cf050";
}
