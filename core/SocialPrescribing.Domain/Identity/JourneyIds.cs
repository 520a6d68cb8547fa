using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Domain.Identity;

/// <summary>The one place ids come from: time-ordered when fresh, name-based when derived from an idempotency key.</summary>
public static class JourneyIds
{
    public static Guid New(TimeProvider time) => Guid.CreateVersion7(time.GetUtcNow());

    public static Guid JourneyFromKey(TenantId tenant, string idempotencyKey) =>
        DeterministicGuid.From("journey", tenant.Value, idempotencyKey);

    public static Guid CommandFromKey(TenantId tenant, Guid journeyId, string command, string idempotencyKey) =>
        DeterministicGuid.From("command", tenant.Value, journeyId.ToString("N"), command, idempotencyKey);

    /// <summary>The command id of a scheduled first-contact check: one per journey, so re-runs are no-ops.</summary>
    public static Guid FirstContactCheck(TenantId tenant, Guid journeyId) =>
        DeterministicGuid.From("first-contact-check", tenant.Value, journeyId.ToString("N"));

    /// <summary>The command id recording that a safety alert was notified: one per alert, so a re-run job records nothing new.</summary>
    public static Guid SafetyAlertNotification(TenantId tenant, Guid journeyId, Guid alertId) =>
        DeterministicGuid.From("safety-alert-notification", tenant.Value, journeyId.ToString("N"), alertId.ToString("N"));

    /// <summary>The command id recording that the privacy officers were told of an emergency access: one per access, so a re-run job records nothing new.</summary>
    public static Guid EmergencyAccessNotification(TenantId tenant, Guid journeyId, Guid grantId) =>
        DeterministicGuid.From("emergency-access-notification", tenant.Value, journeyId.ToString("N"), grantId.ToString("N"));

    /// <summary>The command id recording a partner's answer on a trip: one per trip, so a re-run job records nothing new.</summary>
    public static Guid TransportOutcome(TenantId tenant, Guid journeyId, Guid tripId) =>
        DeterministicGuid.From("transport-outcome", tenant.Value, journeyId.ToString("N"), tripId.ToString("N"));

    /// <summary>The command id of a referral's provider-answer check: one per referral, so a re-run job plans no second follow-up.</summary>
    public static Guid PartnerResponseCheck(TenantId tenant, Guid journeyId, Guid communityReferralId) =>
        DeterministicGuid.From("partner-response-check", tenant.Value, journeyId.ToString("N"), communityReferralId.ToString("N"));
}
