using System.Text.Json;

namespace SocialPrescribing.Storage;

/// <summary>
/// A journey's community-referral digest (see <see cref="JourneySummary.CommunityReferrals"/>; <c>[]</c> when it has
/// none) and its unmet needs (<see cref="JourneySummary.UnmetNeeds"/>), with the caseload fields a partner's list and
/// the reports need.
/// </summary>
public sealed record JourneyReferralDigest(Guid JourneyId, string ClientName, string? LinkWorkerId, string Digest)
{
    public string? UnmetNeeds { get; init; }

    /// <summary>The organizations a read is narrowed to, as the JSON array of ids both engines take; null for none.</summary>
    public static string? OrganizationsJson(IReadOnlyCollection<Guid>? organizations) =>
        organizations is null ? null : JsonSerializer.Serialize(organizations.Select(o => o.ToString("D")));
}
