using System.Collections.Immutable;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Events;

namespace SocialPrescribing.Domain.Tests.Support;

/// <summary>A random sequence of commands, and what happens when each is decided and its events folded in turn.</summary>
public sealed record JourneyScript(ImmutableArray<JourneyStep> Steps)
{
    public override string ToString() =>
        string.Join(" → ", Steps.Select(s => $"{s.Command}(pick {s.Pick}, {s.Status}, +{s.MinutesLater}m, due {s.DueInDays:+0;-0}d)"));

    public JourneyRun Run()
    {
        var state = JourneyState.Empty;
        var now = Fixed.Now;
        var next = 0;
        var appended = new List<JourneyEvent>();
        var decided = new List<DecidedStep>();
        foreach (var step in Steps)
        {
            now = now.AddMinutes(step.MinutesLater);
            var context = new DecisionContext(now, Fixed.Tenant, () => new Guid(++next, 0, 0, [0, 0, 0, 0, 0, 0, 0, 2]));
            var command = CommandFor(step, state, context);
            var decision = JourneyDecider.Decide(state, command, context);
            decided.Add(new DecidedStep(state, command, context, decision));
            foreach (var e in decision.Events)
            {
                appended.Add(e);
                state = state.Apply(e);
            }
        }

        return new JourneyRun(decided, appended, state);
    }

    /// <summary>The caseloads a reassignment picks from; it may pick the one already assigned.</summary>
    private static readonly string[] LinkWorkers = [Commands.LinkWorker, Commands.OtherLinkWorker, "lw-chidi"];

    private static JourneyCommand CommandFor(JourneyStep step, JourneyState state, DecisionContext context) => step.Command switch
    {
        JourneyCommandNames.UpdateCommunityReferral => Commands.UpdateCommunityReferral(
            step.Pick < 0 || state.CommunityReferrals.IsEmpty ? Guid.NewGuid() : state.CommunityReferrals[step.Pick % state.CommunityReferrals.Count].Id,
            step.Status),
        JourneyCommandNames.ScheduleFollowUp => Commands.FollowUp(
            Fixed.TodayInToronto(context.Now).AddDays(step.DueInDays)),
        JourneyCommandNames.ReassignLinkWorker => Commands.Reassign(
            step.Pick < 0 ? state.LinkWorkerId ?? Commands.LinkWorker : LinkWorkers[step.Pick % LinkWorkers.Length]),
        _ => Commands.Named(step.Command, state, context),
    };
}
