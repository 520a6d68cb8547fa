namespace SocialPrescribing.Domain.Journeys;

/// <summary>An emergency (break-glass) access to a journey: who opened it, why, and from when until when it lasts.</summary>
[GenerateSerializer, Immutable, Alias("sp.EmergencyAccessGrant")]
public sealed record EmergencyAccessGrant(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string UserId,
    [property: Id(2)] string Reason,
    [property: Id(3)] DateTimeOffset OpenedAt,
    [property: Id(4)] DateTimeOffset ExpiresAt)
{
    /// <summary>When the tenant's privacy officers were told of it; null until they are.</summary>
    [Id(5)]
    public DateTimeOffset? NotifiedAt { get; init; }

    /// <summary>Whether the grant is in force at <paramref name="now"/> (it ends at <see cref="ExpiresAt"/>, exclusive).</summary>
    public bool IsActiveAt(DateTimeOffset now) => OpenedAt <= now && now < ExpiresAt;
}
