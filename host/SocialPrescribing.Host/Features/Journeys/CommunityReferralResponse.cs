using System.ComponentModel;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

internal sealed record CommunityReferralResponse(
    Guid Id,
    CommunityProgram Program,
    string? Notes,
    [property: WireEnum<CommunityReferralStatus>] string Status,
    IReadOnlyList<string> AllowedStatuses,
    DateTimeOffset MadeAt,
    DateTimeOffset UpdatedAt)
{
    [Description("The provider's last answer (accepted, declined, waitlisted, attended, did-not-attend, completed), when it has answered.")]
    public string? PartnerAnswer { get; init; }

    [Description("When the provider first answered.")]
    public DateTimeOffset? AnsweredAt { get; init; }

    [Description("Why the provider declined, when it did.")]
    public string? DeclineReason { get; init; }

    [Description("The provider's last note.")]
    public string? PartnerNote { get; init; }

    [Description("When the person first attended: they are connected.")]
    public DateTimeOffset? StartedAt { get; init; }

    public int SessionsAttended { get; init; }

    public int SessionsMissed { get; init; }

    [Description("When the provider was found silent past the tenant's deadline (a follow-up was planned).")]
    public DateTimeOffset? ResponseOverdueAt { get; init; }
}
