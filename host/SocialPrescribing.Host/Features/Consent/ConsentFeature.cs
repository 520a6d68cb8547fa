using SocialPrescribing.Host.Features.Journeys;

namespace SocialPrescribing.Host.Features.Consent;

/// <summary>
/// The person's consent and lock-box directives, as journey commands: <c>…/journeys/{id}/record-consent</c>,
/// <c>withdraw-consent</c>, <c>withhold-information</c> and <c>release-withheld-information</c>, through the same
/// <see cref="JourneyCommandPipeline"/> as the pathway. They are taken in every status once the referral is
/// received, closed journeys included; the journey shows what is in force.
/// </summary>
internal static class ConsentFeature
{
    public static RouteGroupBuilder MapConsent(this RouteGroupBuilder tenant)
    {
        tenant.MapJourneyCommand<RecordConsentRequest>(
            "Record what the person agrees to (sharing with the referrer, contact preferences, research use); replaces the consent recorded before.");
        tenant.MapJourneyCommand<WithdrawConsentRequest>(
            "Withdraw consents (referrer-sharing, contact, research); takes effect at once. Withdrawn contact stops contact attempts.");
        tenant.MapJourneyCommand<WithholdInformationRequest>(
            "Withhold parts of the record from recipients by role or by id (a lock-box directive); readers are told that something is withheld, not what.");
        tenant.MapJourneyCommand<ReleaseWithheldInformationRequest>("End a lock-box directive by its id.");
        return tenant;
    }
}
