using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Journeys.Privacy;

namespace SocialPrescribing.Domain.Tests.Support;

/// <summary>One instance of every event type, every field set to a value that is not its default.</summary>
public static class SampleEvents
{
    public static readonly IReadOnlyDictionary<string, JourneyEvent> ByType = new JourneyEvent[]
    {
        new ReferralReceived(
            new ClientDetails("Jean-Luc", "Bérubé", new DateOnly(1951, 11, 2), "J8X 1A1", PreferredLanguage.Fr, "+1-819-555-0199", "jl@example.org"),
            new ReferrerDetails("Nadia Okafor", "Outaouais Home Care", "home-care-nurse"),
            ReferralSource.HospitalDischarge,
            ["food-security", "caregiver-strain"],
            "Discharged after a fall; lives alone. « À domicile »"),
        new ReferralAccepted("lw-priya", new DateTimeOffset(2026, 2, 11, 15, 0, 0, TimeSpan.Zero)),
        new LinkWorkerReassigned("lw-priya", "lw-tomás"),
        new ReferralDeclined("Prefers to wait until spring."),
        new ContactAttempted(ContactAttemptOutcome.LeftMessage, "Voicemail full."),
        new ClosedUnableToContact("Five attempts over three weeks."),
        new ContactRecorded(ContactMode.InPerson, "First conversation", "Met at the library.", true),
        new WhatMattersRecorded(["Gardening again", "Feeling useful"]),
        new BarriersRecorded(new BarriersAndPreferences(
            [AccessBarrier.Transport, AccessBarrier.Cost],
            ["gardening", "théâtre"],
            ["fr", "en"],
            [new AvailabilityWindow(Weekday.Tuesday, new TimeOnly(9, 30), new TimeOnly(12, 0))],
            8_000,
            45.4765,
            -75.7013)),
        new PlanAgreed(["Join the community garden", "Volunteer once a week"]),
        new CommunityReferralMade(
            Guid.Parse("0197a3c2-5e4f-7a10-9b2c-3d4e5f607182"),
            new CommunityProgram("Community garden", "hsds-garden-7", "Parkdale Food Centre"),
            "Plot available in May."),
        new CommunityReferralStatusChanged(Guid.Parse("0197a3c2-5e4f-7a10-9b2c-3d4e5f607182"), CommunityReferralStatus.InProgress, CommunityReferralStatus.OnHold),
        new CommunityReferralAnswered(
            Guid.Parse("0197a3c2-5e4f-7a10-9b2c-3d4e5f607182"), PartnerAnswer.Declined, CommunityReferralStatus.Requested, CommunityReferralStatus.Rejected,
            DeclineReason.NoCapacity, "Full until spring; try the Westboro garden."),
        new UnmetNeedRecorded(Guid.Parse("0197a3c2-5e4f-7a10-9b2c-dddddddddddd"), "legal-advice", "No free legal clinic within reach."),
        new PartnerResponseOverdue(Guid.Parse("0197a3c2-5e4f-7a10-9b2c-3d4e5f607182"), Guid.Parse("0197a3c2-5e4f-7a10-9b2c-cccccccccccc"), new DateOnly(2026, 3, 9)),
        new FollowUpScheduled(Guid.Parse("0197a3c2-5e4f-7a10-9b2c-aaaaaaaaaaaa"), new DateOnly(2026, 3, 2)),
        new FollowUpCompleted(Guid.Parse("0197a3c2-5e4f-7a10-9b2c-aaaaaaaaaaaa"), "Came to the garden; wants to volunteer."),
        new FirstContactOverdue(new DateTimeOffset(2026, 2, 11, 15, 0, 0, TimeSpan.Zero)),
        new AssessmentRecorded(
            Guid.Parse("0197a3c2-5e4f-7a10-9b2c-bbbbbbbbbbbb"),
            "phq9",
            "1.0",
            AssessmentTimepoint.FollowUp,
            [1, 2, 1, 0, 3, 1, 0, 2, 1],
            [new AssessmentScore("total", 11m, "moderate")],
            ["self-harm-risk"]),
        new SafetyAlertRaised(Guid.Parse("0197a3c2-5e4f-7a10-9b2c-cccccccccccc"), Guid.Parse("0197a3c2-5e4f-7a10-9b2c-bbbbbbbbbbbb"), "phq9", "self-harm-risk"),
        new SafetyAlertNotified(Guid.Parse("0197a3c2-5e4f-7a10-9b2c-cccccccccccc"), ["sup-okafor"], ["notification-log"]),
        new SafetyAlertAcknowledged(Guid.Parse("0197a3c2-5e4f-7a10-9b2c-cccccccccccc"), "Spoke with her that afternoon; crisis line given."),
        new TransportRequested(
            Guid.Parse("0197a3c2-5e4f-7a10-9b2c-dddddddddddd"),
            "contoso-rides",
            new SocialPrescribing.Domain.Journeys.Transport.TripDetails(
                new SocialPrescribing.Domain.Journeys.Transport.TripPlace(null, "14 rue Principale", "Gatineau", "QC", "J8X 1A1", "Ring twice"),
                new SocialPrescribing.Domain.Journeys.Transport.TripPlace("Jardin communautaire", "70 rue Laval", "Gatineau", "QC", null, null),
                new SocialPrescribing.Domain.Journeys.Transport.TripWindow(new DateTimeOffset(2026, 5, 6, 13, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 5, 6, 13, 30, 0, TimeSpan.Zero)),
                new DateTimeOffset(2026, 5, 6, 14, 0, 0, TimeSpan.Zero),
                new SocialPrescribing.Domain.Journeys.Transport.TripWindow(new DateTimeOffset(2026, 5, 6, 16, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 5, 6, 16, 30, 0, TimeSpan.Zero)),
                new SocialPrescribing.Domain.Journeys.Transport.TripMobility(SocialPrescribing.Abstractions.Transport.WheelchairUse.StaysInChair, false, true, 1, true, "Ramp at the back.")),
            "q-77"),
        new TransportConfirmed(
            Guid.Parse("0197a3c2-5e4f-7a10-9b2c-dddddddddddd"),
            "CR-881",
            new SocialPrescribing.Domain.Journeys.Transport.TripWindow(new DateTimeOffset(2026, 5, 6, 13, 5, 0, TimeSpan.Zero), new DateTimeOffset(2026, 5, 6, 13, 20, 0, TimeSpan.Zero)),
            null),
        new TransportFailed(Guid.Parse("0197a3c2-5e4f-7a10-9b2c-dddddddddddd"), "No accessible vehicle free."),
        new TransportCancelled(Guid.Parse("0197a3c2-5e4f-7a10-9b2c-dddddddddddd"), "Session moved to Thursday."),
        new Discharged("Connected and settled; goals met."),
        new ConsentRecorded(new ConsentChoices(
            ReferrerSharing.StatusOnly,
            new ContactPreferences([ContactChannel.Letter, ContactChannel.InPerson], [DayPart.Afternoon, DayPart.Evening], true),
            true)),
        new ConsentWithdrawn([ConsentScope.ReferrerSharing, ConsentScope.Research]),
        new InformationWithheld(
            Guid.Parse("0197a3c2-5e4f-7a10-9b2c-eeeeeeeeeeee"),
            [RecordPart.Assessments, RecordPart.WhatMatters, RecordPart.CommunityReferrals],
            [RecipientRole.Referrer, RecipientRole.CommunityPartner],
            ["dr-chen", "org-parkdale-food"]),
        new WithheldInformationReleased(Guid.Parse("0197a3c2-5e4f-7a10-9b2c-eeeeeeeeeeee")),
        new EmergencyAccessOpened(
            Guid.Parse("0197a3c2-5e4f-7a10-9b2c-ffffffffffff"),
            "Person phoned the crisis line; their link worker is away.",
            new DateTimeOffset(2026, 2, 9, 18, 20, 5, 123, TimeSpan.Zero)),
        new EmergencyAccessNotified(Guid.Parse("0197a3c2-5e4f-7a10-9b2c-ffffffffffff"), ["po-nguyen"], ["notification-log"]),
    }
    .Select(e => e with
    {
        CommandId = Guid.Parse("0197a3c2-0000-7000-8000-000000000042"),
        Actor = "lw-priya",
        OccurredAt = new DateTimeOffset(2026, 2, 9, 16, 20, 5, 123, TimeSpan.Zero),
        CommandFingerprint = "5d41402abc4b2a76b9719d911017c592ae6bd2f1e3cd5e4bf1f1a4e5e7a4c3b2",
    })
    .ToDictionary(e => e.Type, StringComparer.Ordinal);
}
