using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Privacy;

namespace SocialPrescribing.Host.Features.Consent;

/// <summary>
/// What the person agrees to now. <c>updatedAt</c> and <c>updatedBy</c> are null until a consent is recorded or
/// withdrawn, while the defaults hold: nothing shared with the referrer, contact allowed, no research use.
/// </summary>
internal sealed record ConsentResponse(
    ReferrerSharing ReferrerSharing,
    ContactPreferencesResponse Contact,
    bool ResearchUse,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy)
{
    public static ConsentResponse From(JourneyState s) => new(
        s.Consent.ReferrerSharing,
        new ContactPreferencesResponse(s.Consent.Contact.Channels, s.Consent.Contact.Times, s.Consent.Contact.DoNotContact),
        s.Consent.ResearchUse,
        s.ConsentUpdatedAt,
        s.ConsentUpdatedBy);
}
