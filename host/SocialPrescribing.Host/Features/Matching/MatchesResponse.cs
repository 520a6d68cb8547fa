using System.ComponentModel;
using SocialPrescribing.Application.CommunityDirectory.Matching;
using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Host.Features.Matching;

/// <summary>The programs ranked for a person, and what the ranking knew of them.</summary>
internal sealed record MatchesResponse(
    Guid JourneyId,
    [property: Description("What the ranking read of the person's record.")] MatchBasisResponse Basis,
    [property: Description("The tenant's weight of each factor.")] IReadOnlyDictionary<string, double> Weights,
    [property: Description("Programs the directory offered before ranking: open to the person's age, holding their words or within their reach.")] int Considered,
    IReadOnlyList<MatchResponse> Matches)
{
    public static MatchesResponse From(Guid journeyId, MatchResult result)
    {
        var p = result.Profile;
        var w = result.Weights;
        return new MatchesResponse(
            journeyId,
            new MatchBasisResponse(
                p.AgeYears is { } age ? (int)age : null,
                p.Interests,
                p.WhatMatters,
                p.Languages,
                [.. p.Barriers.Select(WireNames.Of)],
                p.Availability.Count,
                p.Origin?.Source,
                p.MaxTravelMeters,
                p.TransportPartners),
            new Dictionary<string, double>(StringComparer.Ordinal)
            {
                [ProgramMatcher.Interest] = w.Interest,
                [ProgramMatcher.Distance] = w.Distance,
                [ProgramMatcher.Language] = w.Language,
                [ProgramMatcher.Cost] = w.Cost,
                [ProgramMatcher.Schedule] = w.Schedule,
                [ProgramMatcher.Accessibility] = w.Accessibility,
                [ProgramMatcher.Transport] = w.Transport,
                [ProgramMatcher.DigitalAccess] = w.DigitalAccess,
                [ProgramMatcher.Capacity] = w.Capacity,
                [ProgramMatcher.Responsiveness] = w.Responsiveness,
            },
            result.Considered,
            [.. result.Matches.Select(m => new MatchResponse(
                m.ServiceId,
                m.Name,
                m.Organization,
                m.ServiceAtLocationId,
                m.Place,
                m.DistanceMeters,
                m.Score,
                [.. m.Factors.Select(f => new MatchFactorResponse(f.Factor, f.Score, f.Weight, f.Explanation))]))]);
    }
}

/// <summary>What a ranking read of the person.</summary>
internal sealed record MatchBasisResponse(
    int? AgeYears,
    IReadOnlyList<string> Interests,
    IReadOnlyList<string> WhatMatters,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Barriers,
    [property: Description("How many free times are recorded.")] int AvailabilityWindows,
    [property: Description("Where distances are measured from; null when neither coordinates nor a known postal code give it.")] string? Origin,
    int MaxTravelMeters,
    IReadOnlyList<string> TransportPartners);

/// <summary>One program ranked for the person.</summary>
internal sealed record MatchResponse(
    [property: Description("The HSDS service (GET …/hsds/services/{id}).")] Guid ServiceId,
    string Name,
    string? Organization,
    [property: Description("The place nearest the person (GET …/hsds/service_at_locations/{id}); the referral is made to it.")] Guid? ServiceAtLocationId,
    string? Place,
    double? DistanceMeters,
    [property: Description("0 to 100: the mean of the factors' scores, weighted by the tenant's weights.")] double Score,
    IReadOnlyList<MatchFactorResponse> Factors);

/// <summary>One factor of a match.</summary>
internal sealed record MatchFactorResponse(
    [property: Description("interest, distance, language, cost, schedule, accessibility, transport or digital-access.")] string Factor,
    [property: Description("0 to 1.")] double Score,
    double Weight,
    string Explanation);
