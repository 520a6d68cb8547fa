using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Tests.Support;

namespace SocialPrescribing.Domain.Tests.Journeys;

/// <summary>What must hold for any sequence of commands, however unlikely.</summary>
public sealed class JourneyPropertyTests
{
    [Property(Arbitrary = [typeof(JourneyArbitraries)], MaxTest = 300)]
    public void Any_sequence_of_commands_is_decided_and_folded_without_error_and_versions_count_every_event(JourneyScript script)
    {
        var run = script.Run();

        Assert.Equal(run.Appended.Count, run.Final.Version);
        Assert.Equal(run.Final.Version, JourneyState.Fold(run.Appended).Version);
        Assert.Equal(run.Final.Status, JourneyState.Fold(run.Appended).Status);
        Assert.All(run.Steps, s => Assert.True(s.Decision.Events.IsEmpty || s.Decision.Rejection is null));
    }

    [Property(Arbitrary = [typeof(JourneyArbitraries)], MaxTest = 300)]
    public void A_closed_journey_never_accepts_another_public_command(JourneyScript script)
    {
        var run = script.Run();

        foreach (var closed in run.Steps.Where(s => s.Before.IsClosed))
        {
            Assert.Empty(closed.Decision.Events);
            Assert.Empty(JourneyDecider.AllowedCommands(closed.Before, closed.Context.Tenant));
            foreach (var name in Commands.AllPublicNames)
            {
                var decision = JourneyDecider.Decide(closed.Before, Commands.Named(name, closed.Before, closed.Context), closed.Context);
                Assert.Empty(decision.Events);
                Assert.Equal(RejectionKind.Conflict, decision.Rejection?.Kind);
            }
        }

        Assert.Equal(run.Final.IsClosed, run.Final.ClosedAt is not null);
    }

    [Property(Arbitrary = [typeof(JourneyArbitraries)], MaxTest = 300)]
    public void The_allowed_commands_are_exactly_the_public_commands_the_decider_would_accept(JourneyScript script)
    {
        foreach (var step in script.Run().Steps.Where(s => s.Before.Exists))
        {
            var allowed = JourneyDecider.AllowedCommands(step.Before, step.Context.Tenant);
            foreach (var name in JourneyDecider.PublicCommands)
            {
                var decision = JourneyDecider.Decide(step.Before, Commands.Named(name, step.Before, step.Context), step.Context);
                Assert.Equal(allowed.Contains(name), decision.Rejection is null);
                if (decision.Rejection is { } rejection)
                {
                    Assert.Equal(RejectionKind.Conflict, rejection.Kind);
                    Assert.Equal(allowed, rejection.Allowed);
                }
            }
        }
    }

    [Property(Arbitrary = [typeof(JourneyArbitraries)], MaxTest = 300)]
    public void A_journey_is_overdue_at_most_once_and_never_after_a_first_contact(JourneyScript script)
    {
        var run = script.Run();

        var overdue = run.Appended.OfType<FirstContactOverdue>().ToList();
        Assert.True(overdue.Count <= 1);
        Assert.All(overdue, o => Assert.True(run.Final.FirstContactAt is null || run.Final.FirstContactAt > o.OccurredAt));
        Assert.True(run.Appended.OfType<ContactRecorded>().Count(c => c.IsFirstContact) <= 1);
    }

    // A fixed seed: these two check the generator itself, so they must not depend on luck.
    [Fact]
    public void The_random_journeys_reach_every_status_so_the_properties_are_not_vacuous()
    {
        var seen = JourneyArbitraries.Scripts.Sample(40, new Rnd(20260204UL), 400)
            .SelectMany(script => script.Run().Steps.Select(s => s.Before.Status))
            .ToHashSet();

        Assert.Equal(Enum.GetValues<JourneyStatus>().Order(), seen.Order());
    }

    [Fact]
    public void The_random_journeys_hit_every_command_while_it_is_allowed()
    {
        var accepted = JourneyArbitraries.Scripts.Sample(40, new Rnd(20260204UL), 400)
            .SelectMany(script => script.Run().Steps)
            .Where(s => !s.Decision.Events.IsEmpty)
            .Select(s => s.Command.Name)
            .ToHashSet();

        Assert.Equal(
            new[] { JourneyCommandNames.ReceiveReferral, JourneyCommandNames.CheckFirstContact }.Concat(JourneyDecider.PublicCommands).Order(),
            accepted.Order());
    }
}
