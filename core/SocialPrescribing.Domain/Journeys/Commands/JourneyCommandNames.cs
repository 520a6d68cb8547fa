namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Command names as they appear in URLs and in the allowed-commands list of a 409.</summary>
public static class JourneyCommandNames
{
    public const string ReceiveReferral = "receive-referral";
    public const string AcceptReferral = "accept";
    public const string ReassignLinkWorker = "reassign";
    public const string DeclineReferral = "decline";
    public const string RecordContactAttempt = "record-contact-attempt";
    public const string CloseUnableToContact = "close-unable-to-contact";
    public const string RecordContact = "record-contact";
    public const string RecordWhatMatters = "record-what-matters";
    public const string RecordBarriers = "record-barriers";
    public const string AgreePlan = "agree-plan";
    public const string MakeCommunityReferral = "make-community-referral";
    public const string UpdateCommunityReferral = "update-community-referral";
    public const string ScheduleFollowUp = "schedule-follow-up";
    public const string CompleteFollowUp = "complete-follow-up";
    public const string RequestTransport = "request-transport";
    public const string CancelTransport = "cancel-transport";
    public const string RecordAssessment = "record-assessment";
    public const string AcknowledgeSafetyAlert = "acknowledge-safety-alert";
    public const string Discharge = "discharge";
    public const string RecordConsent = "record-consent";
    public const string WithdrawConsent = "withdraw-consent";
    public const string WithholdInformation = "withhold-information";
    public const string ReleaseWithheldInformation = "release-withheld-information";
    public const string OpenEmergencyAccess = "open-emergency-access";
    public const string CheckFirstContact = "check-first-contact";
    public const string NotifySafetyAlert = "notify-safety-alert";
    public const string NotifyEmergencyAccess = "notify-emergency-access";
    public const string RecordTransportOutcome = "record-transport-outcome";
    public const string RecordUnmetNeed = "record-unmet-need";
    public const string AnswerCommunityReferral = "answer-community-referral";
    public const string CheckPartnerResponse = "check-partner-response";
}
