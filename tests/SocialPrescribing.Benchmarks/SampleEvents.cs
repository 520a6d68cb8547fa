using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Events;

namespace SocialPrescribing.Benchmarks;

/// <summary>The commands the workers send, and an event body of realistic size for the raw baseline.</summary>
internal static class SampleEvents
{
    public const string Actor = "lw-bench";

    public static ReceiveReferral Referral() => new(
        new ClientDetails("Marie", "Tremblay", new DateOnly(1948, 3, 14), "T2P1J9", PreferredLanguage.Fr, "403-555-0101", null),
        new ReferrerDetails("Dr. Amir Patel", "Bow Valley Family Clinic", "family physician"),
        ReferralSource.FamilyPhysician,
        ["loneliness-and-isolation", "physical-activity"],
        null)
    {
        CommandId = Guid.CreateVersion7(),
        Actor = Actor,
    };

    public static AcceptReferral Accept() => new(Actor) { CommandId = Guid.CreateVersion7(), Actor = Actor };

    /// <summary>Alternates a failed attempt and a contact, both always allowed once the referral is accepted.</summary>
    public static JourneyCommand Next(long sequence) => sequence % 2 == 0
        ? new RecordContactAttempt(ContactAttemptOutcome.NoAnswer, null) { CommandId = Guid.CreateVersion7(), Actor = Actor }
        : new RecordContact(ContactMode.Phone, "check-in", null) { CommandId = Guid.CreateVersion7(), Actor = Actor };

    /// <summary>A stored <c>ContactRecorded</c> body, as the grain path would write it.</summary>
    public static string ContactBody() => JourneyJson.Serialize(new ContactRecorded(ContactMode.Phone, "check-in", null, false)
    {
        CommandId = Guid.CreateVersion7(),
        Actor = Actor,
        OccurredAt = DateTimeOffset.UtcNow,
    });
}
