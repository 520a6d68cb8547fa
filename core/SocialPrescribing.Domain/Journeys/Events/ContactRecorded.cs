namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>A contact with the person took place; the first one stops the referral-to-first-contact clock.</summary>
[GenerateSerializer, Immutable, Alias("sp.ContactRecorded")]
public sealed record ContactRecorded(
    [property: Id(0)] ContactMode Mode,
    [property: Id(1)] string? Purpose,
    [property: Id(2)] string? Notes,
    [property: Id(3)] bool IsFirstContact) : JourneyEvent;
