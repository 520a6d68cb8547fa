using FsCheck;
using FsCheck.Fluent;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;

namespace SocialPrescribing.Domain.Tests.Support;

/// <summary>Random journeys for property tests: mostly opened by a referral, then any command in any order.</summary>
public static class JourneyArbitraries
{
    /// <summary>
    /// Every command, weighted so that rarer paths get walked too: enough failed attempts to close as
    /// unable to contact, and enough community referral updates to reach their final statuses.
    /// </summary>
    private static readonly Gen<string> AnyCommand = Gen.Frequency(
        (1, Gen.Constant(JourneyCommandNames.ReceiveReferral)),
        (2, Gen.Constant(JourneyCommandNames.CheckFirstContact)),
        (2, Gen.Constant(JourneyCommandNames.AcceptReferral)),
        (1, Gen.Constant(JourneyCommandNames.DeclineReferral)),
        (5, Gen.Constant(JourneyCommandNames.RecordContactAttempt)),
        (3, Gen.Constant(JourneyCommandNames.CloseUnableToContact)),
        (2, Gen.Constant(JourneyCommandNames.RecordContact)),
        (2, Gen.Constant(JourneyCommandNames.RecordWhatMatters)),
        (2, Gen.Constant(JourneyCommandNames.AgreePlan)),
        (3, Gen.Constant(JourneyCommandNames.MakeCommunityReferral)),
        (5, Gen.Constant(JourneyCommandNames.UpdateCommunityReferral)),
        (2, Gen.Constant(JourneyCommandNames.ScheduleFollowUp)),
        (1, Gen.Constant(JourneyCommandNames.Discharge)));

    public static Gen<JourneyStep> Step(Gen<string> command) =>
        from name in command
        from pick in Gen.Choose(-1, 3)
        from status in Gen.Elements(Enum.GetValues<CommunityReferralStatus>())
        from minutes in Gen.Frequency((3, Gen.Choose(0, 120)), (1, Gen.Choose(0, 60 * 24 * 10)))
        from due in Gen.Choose(-3, 30)
        select new JourneyStep(name, pick, status, minutes, due);

    public static readonly Gen<JourneyScript> Scripts =
        from opensWithReferral in Gen.Frequency((9, Gen.Constant(true)), (1, Gen.Constant(false)))
        from opening in Step(Gen.Constant(JourneyCommandNames.ReceiveReferral))
        from rest in Gen.ListOf(Step(AnyCommand))
        select new JourneyScript(opensWithReferral ? [opening, .. rest] : [.. rest]);

    public static Arbitrary<JourneyScript> Script() => Arb.From(Scripts, Shrink);

    /// <summary>Shrinks by dropping one step at a time, so a failure is reported with the fewest commands that cause it.</summary>
    private static IEnumerable<JourneyScript> Shrink(JourneyScript script)
    {
        for (var i = 0; i < script.Steps.Length; i++)
        {
            yield return new JourneyScript(script.Steps.RemoveAt(i));
        }
    }
}
