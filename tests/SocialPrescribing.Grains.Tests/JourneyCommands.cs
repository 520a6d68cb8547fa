using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;

namespace SocialPrescribing.Grains.Tests;

/// <summary>Valid commands with fresh ids, for arranging journeys.</summary>
public static class JourneyCommands
{
    public const string Actor = "lw-test";

    public static ReceiveReferral Referral(Guid? commandId = null) => new(
        new ClientDetails("Marie", "Tremblay", new DateOnly(1948, 3, 14), "T2P 1J9", PreferredLanguage.Fr, "403-555-0101", null),
        new ReferrerDetails("Dr. Amir Patel", "Bow Valley Family Clinic", "family physician"),
        ReferralSource.FamilyPhysician,
        ["loneliness-and-isolation", "physical-activity"],
        "Widowed last year; keen on walking groups.")
    {
        CommandId = commandId ?? Guid.NewGuid(),
        Actor = Actor,
    };

    public static AcceptReferral Accept(Guid? commandId = null) => new("lw-42") { CommandId = commandId ?? Guid.NewGuid(), Actor = Actor };

    public static RecordContact Contact(Guid? commandId = null, string? purpose = null) =>
        new(ContactMode.Phone, purpose, null) { CommandId = commandId ?? Guid.NewGuid(), Actor = Actor };

    /// <summary>A PHQ-9 with item 9 above zero, as the instrument scores it: total 1, self-harm flag.</summary>
    public static RecordAssessment RiskyPhq9() =>
        new(AssessmentTimepoint.Baseline, "phq9", "1.0", [0, 0, 0, 0, 0, 0, 0, 0, 1], [new AssessmentScore("total", 1, "none")], ["self-harm-risk"])
        {
            CommandId = Guid.NewGuid(),
            Actor = Actor,
        };
}
