using System.Text.Json.Serialization;

namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>
/// A fact about a journey: immutable, appended once, never changed. Carries who caused it, when,
/// and the command that did, which is what makes commands idempotent and the log an audit trail.
/// The metadata is set by <see cref="JourneyDecider"/> when it raises the event, which is why it is
/// not part of each event's constructor.
/// </summary>
[GenerateSerializer, Immutable, Alias("sp.JourneyEvent")]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ReferralReceived), nameof(ReferralReceived))]
[JsonDerivedType(typeof(ReferralAccepted), nameof(ReferralAccepted))]
[JsonDerivedType(typeof(LinkWorkerReassigned), nameof(LinkWorkerReassigned))]
[JsonDerivedType(typeof(ReferralDeclined), nameof(ReferralDeclined))]
[JsonDerivedType(typeof(ContactAttempted), nameof(ContactAttempted))]
[JsonDerivedType(typeof(ClosedUnableToContact), nameof(ClosedUnableToContact))]
[JsonDerivedType(typeof(ContactRecorded), nameof(ContactRecorded))]
[JsonDerivedType(typeof(WhatMattersRecorded), nameof(WhatMattersRecorded))]
[JsonDerivedType(typeof(BarriersRecorded), nameof(BarriersRecorded))]
[JsonDerivedType(typeof(PlanAgreed), nameof(PlanAgreed))]
[JsonDerivedType(typeof(CommunityReferralMade), nameof(CommunityReferralMade))]
[JsonDerivedType(typeof(CommunityReferralStatusChanged), nameof(CommunityReferralStatusChanged))]
[JsonDerivedType(typeof(FollowUpScheduled), nameof(FollowUpScheduled))]
[JsonDerivedType(typeof(FollowUpCompleted), nameof(FollowUpCompleted))]
[JsonDerivedType(typeof(FirstContactOverdue), nameof(FirstContactOverdue))]
[JsonDerivedType(typeof(AssessmentRecorded), nameof(AssessmentRecorded))]
[JsonDerivedType(typeof(SafetyAlertRaised), nameof(SafetyAlertRaised))]
[JsonDerivedType(typeof(SafetyAlertNotified), nameof(SafetyAlertNotified))]
[JsonDerivedType(typeof(SafetyAlertAcknowledged), nameof(SafetyAlertAcknowledged))]
[JsonDerivedType(typeof(TransportRequested), nameof(TransportRequested))]
[JsonDerivedType(typeof(TransportConfirmed), nameof(TransportConfirmed))]
[JsonDerivedType(typeof(TransportFailed), nameof(TransportFailed))]
[JsonDerivedType(typeof(TransportCancelled), nameof(TransportCancelled))]
[JsonDerivedType(typeof(Discharged), nameof(Discharged))]
[JsonDerivedType(typeof(ConsentRecorded), nameof(ConsentRecorded))]
[JsonDerivedType(typeof(ConsentWithdrawn), nameof(ConsentWithdrawn))]
[JsonDerivedType(typeof(InformationWithheld), nameof(InformationWithheld))]
[JsonDerivedType(typeof(WithheldInformationReleased), nameof(WithheldInformationReleased))]
[JsonDerivedType(typeof(EmergencyAccessOpened), nameof(EmergencyAccessOpened))]
[JsonDerivedType(typeof(EmergencyAccessNotified), nameof(EmergencyAccessNotified))]
[JsonDerivedType(typeof(CommunityReferralAnswered), nameof(CommunityReferralAnswered))]
[JsonDerivedType(typeof(PartnerResponseOverdue), nameof(PartnerResponseOverdue))]
[JsonDerivedType(typeof(UnmetNeedRecorded), nameof(UnmetNeedRecorded))]
public abstract record JourneyEvent
{
    /// <summary>The command that caused this event; every event of one command shares it.</summary>
    [Id(0)]
    public Guid CommandId { get; init; }

    /// <summary>Who caused it: a user id, or <c>system:…</c> for jobs.</summary>
    [Id(1)]
    public string Actor { get; init; } = string.Empty;

    [Id(2)]
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>The <see cref="Commands.JourneyCommand.Fingerprint"/> of the command that caused it; absent on events stored before fingerprints were kept.</summary>
    [Id(3)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CommandFingerprint { get; init; }

    /// <summary>The event's name as stored and shown on the timeline.</summary>
    [JsonIgnore]
    public string Type => GetType().Name;
}
