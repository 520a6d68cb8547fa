using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Privacy;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

/// <summary>
/// What the referrer is told of a referral: the fields the person's consent (<c>sharing</c>) does not cover are null.
/// <c>notice</c> is set when a lock-box directive withholds part of the summary, without saying which.
/// </summary>
internal sealed record ReferralStatusResponse(
    Guid JourneyId,
    DateTimeOffset? ReferredAt,
    [property: WireEnum<ReferrerSharing>] string Sharing,
    [property: WireEnum<JourneyStatus>] string? Status,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? FirstContactAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<string>? WhatMatters,
    IReadOnlyList<string>? Goals,
    IReadOnlyList<ReferralProgramResponse>? CommunityPrograms,
    string? Notice)
{
    public static ReferralStatusResponse From(Guid journeyId, ReferrerView view) => new(
        journeyId,
        view.ReferredAt,
        WireNames.Of(view.Sharing),
        view.Status is { } status ? WireNames.Of(status) : null,
        view.AcceptedAt,
        view.FirstContactAt,
        view.ClosedAt,
        view.WhatMatters is { } whatMatters ? [.. whatMatters] : null,
        view.Goals is { } goals ? [.. goals] : null,
        view.CommunityReferrals is { } programs ? [.. programs.Select(p => new ReferralProgramResponse(p.Name, p.Organization, WireNames.Of(p.Status)))] : null,
        view.Withheld ? Disclosure.Notice : null);
}

/// <summary>A community program the person was referred to, and how far it got.</summary>
internal sealed record ReferralProgramResponse(string Name, string? Organization, [property: WireEnum<CommunityReferralStatus>] string Status);
