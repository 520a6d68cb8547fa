namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>
/// The provider of a community referral had not answered it by the tenant's deadline: a follow-up (<see cref="FollowUpId"/>,
/// due on <see cref="DueOn"/>) is planned for the link worker to chase it.
/// </summary>
[GenerateSerializer, Immutable, Alias("sp.PartnerResponseOverdue")]
public sealed record PartnerResponseOverdue(
    [property: Id(0)] Guid CommunityReferralId,
    [property: Id(1)] Guid FollowUpId,
    [property: Id(2)] DateOnly DueOn) : JourneyEvent;
