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
    /// unable to contact (also after a contact), enough community referral updates to reach their final
    /// statuses, and journeys that close while community referrals are still open.
    /// </summary>
    private static readonly Gen<string> AnyCommand = Gen.Frequency(
        (1, Gen.Constant(JourneyCommandNames.ReceiveReferral)),
        (3, Gen.Constant(JourneyCommandNames.CheckFirstContact)),
        (3, Gen.Constant(JourneyCommandNames.AcceptReferral)),
        (3, Gen.Constant(JourneyCommandNames.ReassignLinkWorker)),
        (1, Gen.Constant(JourneyCommandNames.DeclineReferral)),
        (8, Gen.Constant(JourneyCommandNames.RecordContactAttempt)),
        (3, Gen.Constant(JourneyCommandNames.CloseUnableToContact)),
        (3, Gen.Constant(JourneyCommandNames.RecordContact)),
        (3, Gen.Constant(JourneyCommandNames.RecordWhatMatters)),
        (1, Gen.Constant(JourneyCommandNames.RecordBarriers)),
        (1, Gen.Constant(JourneyCommandNames.RecordUnmetNeed)),
        (3, Gen.Constant(JourneyCommandNames.AgreePlan)),
        (3, Gen.Constant(JourneyCommandNames.MakeCommunityReferral)),
        (5, Gen.Constant(JourneyCommandNames.UpdateCommunityReferral)),
        (2, Gen.Constant(JourneyCommandNames.ScheduleFollowUp)),
        (2, Gen.Constant(JourneyCommandNames.RecordAssessment)),
        (2, Gen.Constant(JourneyCommandNames.CompleteFollowUp)),
        (2, Gen.Constant(JourneyCommandNames.RequestTransport)),
        (2, Gen.Constant(JourneyCommandNames.CancelTransport)),
        (2, Gen.Constant(JourneyCommandNames.RecordTransportOutcome)),
        (3, Gen.Constant(JourneyCommandNames.AcknowledgeSafetyAlert)),
        (1, Gen.Constant(JourneyCommandNames.Discharge)),
        (1, Gen.Constant(JourneyCommandNames.RecordConsent)),
        (1, Gen.Constant(JourneyCommandNames.WithdrawConsent)),
        (1, Gen.Constant(JourneyCommandNames.WithholdInformation)),
        (1, Gen.Constant(JourneyCommandNames.ReleaseWithheldInformation)));

    public static Gen<JourneyStep> Step(Gen<string> command) =>
        from name in command
        from pick in Gen.Choose(-1, 3)
        from status in Gen.Elements(Enum.GetValues<CommunityReferralStatus>())
        from minutes in Gen.Frequency((3, Gen.Choose(0, 120)), (1, Gen.Choose(0, 60 * 24 * 10)))
        from due in Gen.Choose(-3, 30)
        select new JourneyStep(name, pick, status, minutes, due);

    /// <summary>
    /// Mostly opened by a referral alone; some start with the person already reached, or already with a
    /// plan, so that the paths open only to an engaged person (closing after a contact, declining before or
    /// after a plan, closing with open community referrals) are walked about as often as the early ones; a
    /// few are not opened at all.
    /// </summary>
    public static readonly Gen<JourneyScript> Scripts =
        from receive in Step(Gen.Constant(JourneyCommandNames.ReceiveReferral))
        from accept in Step(Gen.Constant(JourneyCommandNames.AcceptReferral))
        from contact in Step(Gen.Constant(JourneyCommandNames.RecordContact))
        from whatMatters in Step(Gen.Constant(JourneyCommandNames.RecordWhatMatters))
        from plan in Step(Gen.Constant(JourneyCommandNames.AgreePlan))
        from opening in Gen.Frequency(
            (5, Gen.Constant<JourneyStep[]>([receive])),
            (3, Gen.Constant<JourneyStep[]>([receive, accept, contact])),
            (1, Gen.Constant<JourneyStep[]>([receive, accept, contact, whatMatters, plan])),
            (1, Gen.Constant<JourneyStep[]>([])))
        from rest in Gen.ListOf(Step(AnyCommand))
        select new JourneyScript([.. opening, .. rest]);

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
