namespace SocialPrescribing.Domain.Journeys;

/// <summary>
/// A referral to a community program and how far it got: its FHIR Task status, and — when it is addressed to a
/// provider in the directory — the provider's answers (the last one, when it first answered, why it declined, when the
/// person started, sessions attended and missed) and whether its answer came late.
/// </summary>
[GenerateSerializer, Immutable, Alias("sp.CommunityReferral")]
public sealed record CommunityReferral(
    [property: Id(0)] Guid Id,
    [property: Id(1)] CommunityProgram Program,
    [property: Id(2)] string? Notes,
    [property: Id(3)] CommunityReferralStatus Status,
    [property: Id(4)] DateTimeOffset MadeAt,
    [property: Id(5)] DateTimeOffset UpdatedAt)
{
    /// <summary>The provider's last answer, or null before it answered.</summary>
    [Id(6)] public PartnerAnswer? LastAnswer { get; init; }

    /// <summary>When the provider first answered: the end of its response time.</summary>
    [Id(7)] public DateTimeOffset? AnsweredAt { get; init; }

    [Id(8)] public DeclineReason? DeclineReason { get; init; }

    /// <summary>When the person first attended: the moment they are connected.</summary>
    [Id(9)] public DateTimeOffset? StartedAt { get; init; }

    [Id(10)] public int SessionsAttended { get; init; }

    [Id(11)] public int SessionsMissed { get; init; }

    /// <summary>When the provider was found silent past the tenant's deadline (a follow-up was planned then).</summary>
    [Id(12)] public DateTimeOffset? ResponseOverdueAt { get; init; }

    /// <summary>The provider's last note with an answer.</summary>
    [Id(13)] public string? PartnerNote { get; init; }

    /// <summary>Whether the referral is addressed to a provider organization in the directory, which can answer it.</summary>
    public bool IsAddressed => Program.OrganizationId is not null;
}
