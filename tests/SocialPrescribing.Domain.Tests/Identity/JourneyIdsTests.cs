using System.Security.Cryptography;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Identity;
using SocialPrescribing.Domain.Journeys.Commands;

namespace SocialPrescribing.Domain.Tests.Identity;

public sealed class JourneyIdsTests
{
    private static readonly TenantId Ontario = TenantId.Parse("on");
    private static readonly TenantId Alberta = TenantId.Parse("ab");
    private static readonly Guid Journey = Guid.Parse("0197a3c2-5e4f-7a10-9b2c-3d4e5f607182");

    [Fact]
    public void The_same_tenant_and_key_always_give_the_same_journey_id()
    {
        Assert.Equal(JourneyIds.JourneyFromKey(Ontario, "key-1"), JourneyIds.JourneyFromKey(TenantId.Parse("on"), "key-1"));
    }

    [Fact]
    public void A_different_tenant_or_key_gives_a_different_journey_id()
    {
        var id = JourneyIds.JourneyFromKey(Ontario, "key-1");

        Assert.NotEqual(id, JourneyIds.JourneyFromKey(Alberta, "key-1"));
        Assert.NotEqual(id, JourneyIds.JourneyFromKey(Ontario, "key-2"));
        Assert.NotEqual(id, JourneyIds.JourneyFromKey(Ontario, "Key-1"));
    }

    [Fact]
    public void A_command_id_depends_on_tenant_journey_command_and_key()
    {
        var id = JourneyIds.CommandFromKey(Ontario, Journey, JourneyCommandNames.AcceptReferral, "key-1");

        Assert.Equal(id, JourneyIds.CommandFromKey(Ontario, Journey, JourneyCommandNames.AcceptReferral, "key-1"));
        Assert.NotEqual(id, JourneyIds.CommandFromKey(Alberta, Journey, JourneyCommandNames.AcceptReferral, "key-1"));
        Assert.NotEqual(id, JourneyIds.CommandFromKey(Ontario, Guid.NewGuid(), JourneyCommandNames.AcceptReferral, "key-1"));
        Assert.NotEqual(id, JourneyIds.CommandFromKey(Ontario, Journey, JourneyCommandNames.DeclineReferral, "key-1"));
        Assert.NotEqual(id, JourneyIds.CommandFromKey(Ontario, Journey, JourneyCommandNames.AcceptReferral, "key-2"));
    }

    [Fact]
    public void The_same_idempotency_key_gives_different_ids_for_a_journey_and_for_a_command()
    {
        Assert.NotEqual(
            JourneyIds.JourneyFromKey(Ontario, "key-1"),
            JourneyIds.CommandFromKey(Ontario, Journey, JourneyCommandNames.ReceiveReferral, "key-1"));
    }

    [Fact]
    public void The_first_contact_check_has_one_id_per_journey()
    {
        var id = JourneyIds.FirstContactCheck(Ontario, Journey);

        Assert.Equal(id, JourneyIds.FirstContactCheck(Ontario, Journey));
        Assert.NotEqual(id, JourneyIds.FirstContactCheck(Ontario, Guid.NewGuid()));
        Assert.NotEqual(id, JourneyIds.FirstContactCheck(Alberta, Journey));
    }

    [Fact]
    public void Derived_ids_are_rfc_9562_version_8_with_the_standard_variant()
    {
        Guid[] ids =
        [
            JourneyIds.JourneyFromKey(Ontario, "key-1"),
            JourneyIds.CommandFromKey(Ontario, Journey, JourneyCommandNames.RecordContact, "key-1"),
            JourneyIds.FirstContactCheck(Ontario, Journey),
            DeterministicGuid.From(),
            DeterministicGuid.From("é", "漢字"),
        ];

        Assert.All(ids, id =>
        {
            Assert.Equal(8, id.Version);
            Assert.Equal('8', id.ToString("D")[14]);
            Assert.Contains(id.ToString("D")[19], "89ab");
        });
    }

    [Fact]
    public void A_deterministic_id_is_the_sha256_of_its_parts_truncated_and_stamped()
    {
        // Parts are joined with the unit separator; only the version and variant bits differ from the hash.
        var expected = SHA256.HashData("a\u001fb"u8);
        var id = DeterministicGuid.From("a", "b").ToByteArray(bigEndian: true);

        Assert.Equal(expected[..6], id[..6]);
        Assert.Equal(expected[7], id[7]);
        Assert.Equal(expected[9..16], id[9..16]);
        Assert.Equal(0x80, id[6] & 0xF0);
        Assert.Equal(0x80, id[8] & 0xC0);
    }

    [Fact]
    public void Splitting_parts_differently_gives_a_different_id()
    {
        Assert.NotEqual(DeterministicGuid.From("ab", "c"), DeterministicGuid.From("a", "bc"));
        Assert.NotEqual(DeterministicGuid.From("abc"), DeterministicGuid.From("a", "bc"));
    }

    [Fact]
    public void A_fresh_id_is_version_7_and_ordered_by_the_injected_time()
    {
        var earlier = JourneyIds.New(new FrozenClock(new DateTimeOffset(2026, 2, 4, 15, 0, 0, TimeSpan.Zero)));
        var later = JourneyIds.New(new FrozenClock(new DateTimeOffset(2026, 2, 4, 15, 0, 1, TimeSpan.Zero)));

        Assert.Equal(7, earlier.Version);
        Assert.True(string.CompareOrdinal(earlier.ToString("N"), later.ToString("N")) < 0);
        Assert.Equal("019c292ad980", earlier.ToString("N")[..12]);
    }

    private sealed class FrozenClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
