using SocialPrescribing.Domain.Journeys.Privacy;

namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>The person stated what they agree to: sharing with the referrer, contact, research use. It replaces what was recorded before.</summary>
[GenerateSerializer, Immutable, Alias("sp.ConsentRecorded")]
public sealed record ConsentRecorded(
    [property: Id(0)] ConsentChoices Consent) : JourneyEvent;
