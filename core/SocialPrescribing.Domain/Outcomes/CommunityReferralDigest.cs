using System.Collections.Immutable;
using System.Text.Json;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Privacy;

namespace SocialPrescribing.Domain.Outcomes;

/// <summary>
/// A journey's community referrals reduced to what a partner's list, providers' response figures and the share of
/// people connected need, kept on the caseload row: program, provider, status, the provider's answers and their times,
/// and whether the person lets the provider see the referral (their lock-box). No notes; the person is the row's.
/// </summary>
public static class CommunityReferralDigest
{
    /// <summary>One referral of a digest.</summary>
    public sealed record Entry(
        Guid Id,
        string Program,
        Guid? OrganizationId,
        Guid? ServiceAtLocationId,
        string? ServiceId,
        CommunityReferralStatus Status,
        PartnerAnswer? Answer,
        DeclineReason? DeclineReason,
        DateTimeOffset MadeAt,
        DateTimeOffset UpdatedAt,
        DateTimeOffset? AnsweredAt,
        DateTimeOffset? StartedAt,
        bool ResponseOverdue,
        bool Shared);

    /// <summary>The digest of <paramref name="state"/>'s community referrals, or null when it has none.</summary>
    public static string? Write(JourneyState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.CommunityReferrals.IsEmpty
            ? null
            : JsonSerializer.Serialize(state.CommunityReferrals.Select(r => Of(state, r)), JourneyJson.Options);
    }

    /// <exception cref="JsonException">The text is not a digest.</exception>
    public static ImmutableArray<Entry> Read(string digest) => [.. JsonSerializer.Deserialize<Entry[]>(digest, JourneyJson.Options) ?? []];

    /// <summary>Whether the journey's person is connected: at least one referral started (attended, in progress or completed).</summary>
    public static bool Connected(IEnumerable<Entry> entries) => entries.Any(e => e.StartedAt is not null || e.Status is CommunityReferralStatus.InProgress or CommunityReferralStatus.Completed);

    private static Entry Of(JourneyState state, CommunityReferral r) => new(
        r.Id,
        r.Program.Name,
        r.Program.OrganizationId,
        r.Program.ServiceAtLocationId,
        r.Program.ServiceId,
        r.Status,
        r.LastAnswer,
        r.DeclineReason,
        r.MadeAt,
        r.UpdatedAt,
        r.AnsweredAt,
        r.StartedAt,
        r.ResponseOverdueAt is not null,
        r.Program.OrganizationId is { } organization
            && !Disclosure.To(state, Recipient.Of(RecipientRole.CommunityPartner, organization.ToString("D"))).IsWithheld(RecordPart.CommunityReferrals));
}
