using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Tenants;

namespace SocialPrescribing.Application.CommunityDirectory.Matching;

/// <summary>
/// The person as a match sees them: their age, what they are interested in and what matters to them (each a phrase),
/// the languages they take part in, their barriers and free times, where they start from and how far they travel, and
/// the transport partners that could take them.
/// </summary>
public sealed record MatchProfile(
    decimal? AgeYears,
    IReadOnlyList<string> Interests,
    IReadOnlyList<string> WhatMatters,
    IReadOnlyList<string> Languages,
    IReadOnlyList<AccessBarrier> Barriers,
    IReadOnlyList<AvailabilityWindow> Availability,
    MatchOrigin? Origin,
    int MaxTravelMeters,
    IReadOnlyList<string> TransportPartners)
{
    /// <summary>The person's postal code, which a service area listing postal codes is judged against.</summary>
    public string? PostalCode { get; init; }

    public bool Has(AccessBarrier barrier) => Barriers.Contains(barrier);
}

/// <summary>Where the person starts from: coordinates recorded with them, or the centre of their postal code's area.</summary>
public sealed record MatchOrigin(double Latitude, double Longitude, string Source);

/// <summary>One factor of a match: how well the program does on it (0 to 1), its weight, and why, in words.</summary>
public sealed record MatchFactor(string Factor, double Score, double Weight, string Explanation);

/// <summary>
/// A program ranked for the person: its score (0 to 100, the weighted mean of the factors that apply), the place nearest
/// them, and each factor with its reason.
/// </summary>
public sealed record ProgramMatch(
    Guid ServiceId,
    string Name,
    string? Organization,
    Guid? ServiceAtLocationId,
    string? Place,
    double? DistanceMeters,
    double Score,
    IReadOnlyList<MatchFactor> Factors);

/// <summary>The programs ranked for a person, best first, with what the ranking knew of them.</summary>
public sealed record MatchResult(MatchProfile Profile, MatchingSettings Weights, int Considered, IReadOnlyList<ProgramMatch> Matches);
