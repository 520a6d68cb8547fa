namespace SocialPrescribing.Domain.Journeys;

/// <summary>A planned follow-up contact, and when it was done.</summary>
[GenerateSerializer, Immutable, Alias("sp.FollowUp")]
public sealed record FollowUp([property: Id(0)] Guid Id, [property: Id(1)] DateOnly DueOn, [property: Id(2)] DateTimeOffset ScheduledAt)
{
    [Id(3)] public DateTimeOffset? CompletedAt { get; init; }

    [Id(4)] public string? Notes { get; init; }

    /// <summary>The community referral whose silent provider this follow-up chases, when that is why it was planned.</summary>
    [Id(5)] public Guid? CommunityReferralId { get; init; }

    public bool IsOpen => CompletedAt is null;
}
