using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>A referral arrived: the journey begins in status referred.</summary>
[GenerateSerializer, Immutable, Alias("sp.ReferralReceived")]
public sealed record ReferralReceived(
    [property: Id(0)] ClientDetails Client,
    [property: Id(1)] ReferrerDetails Referrer,
    [property: Id(2)] ReferralSource Source,
    [property: Id(3)] ImmutableArray<string> Reasons,
    [property: Id(4)] string? Notes) : JourneyEvent;
