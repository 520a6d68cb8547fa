using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Identity;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Grains.Journeys;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Grains.Tests;

public sealed class JourneyGrainTests(JourneyClusterFixture fixture) : IClassFixture<JourneyClusterFixture>
{
    private static readonly TenantId Alberta = TestTenants.Alberta.Id;

    private IJourneyGrain Journey(Guid id, TenantId? tenant = null) => fixture.Grains.GetGrain<IJourneyGrain>(id, (tenant ?? Alberta).Value);

    private async Task<(Guid Id, IJourneyGrain Grain)> EngagedJourneyAsync()
    {
        var id = Guid.NewGuid();
        var grain = Journey(id);
        await grain.Execute(JourneyCommands.Referral());
        await grain.Execute(JourneyCommands.Accept());
        await grain.Execute(JourneyCommands.Contact());
        return (id, grain);
    }

    [Fact]
    public async Task A_referral_is_committed_before_the_call_returns()
    {
        var id = Guid.NewGuid();

        var outcome = await Journey(id).Execute(JourneyCommands.Referral());

        Assert.Equal(CommandOutcomeKind.Applied, outcome.Kind);
        Assert.Equal(JourneyStatus.Referred, outcome.Status);
        var stored = await fixture.Store.ReadAsync(Alberta, id, TestContext.Current.CancellationToken);
        Assert.Equal(nameof(ReferralReceived), Assert.Single(stored).Type);
    }

    [Fact]
    public async Task A_repeated_command_id_returns_the_first_result_and_appends_nothing()
    {
        var id = Guid.NewGuid();
        var grain = Journey(id);
        var commandId = Guid.NewGuid();
        await grain.Execute(JourneyCommands.Referral());
        var first = await grain.Execute(JourneyCommands.Accept(commandId));
        await grain.Execute(JourneyCommands.Contact());

        var again = await grain.Execute(JourneyCommands.Accept(commandId));

        Assert.Equal(CommandOutcomeKind.Replayed, again.Kind);
        Assert.Equal(first.Version, again.Version);
        Assert.Equal(JourneyStatus.Accepted, again.Status);
        Assert.Equal(first.AllowedCommands, again.AllowedCommands);
        Assert.Equal(JourneyJson.Serialize(first.Events[0]), JourneyJson.Serialize(again.Events[0]));
        Assert.Equal(3, (await fixture.Store.ReadAsync(Alberta, id, TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task A_repeated_command_id_is_recognised_after_reactivation()
    {
        var id = Guid.NewGuid();
        var grain = Journey(id);
        var commandId = Guid.NewGuid();
        await grain.Execute(JourneyCommands.Referral());
        var first = await grain.Execute(JourneyCommands.Accept(commandId));

        await fixture.Cluster.DeactivateAsync(grain.GetGrainId());
        var again = await Journey(id).Execute(JourneyCommands.Accept(commandId));

        Assert.Equal(CommandOutcomeKind.Replayed, again.Kind);
        Assert.Equal(first.Version, again.Version);
        Assert.Equal(2, (await fixture.Store.ReadAsync(Alberta, id, TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task A_repeated_command_id_with_another_fingerprint_is_refused_even_after_reactivation()
    {
        var id = Guid.NewGuid();
        var grain = Journey(id);
        var commandId = Guid.NewGuid();
        await grain.Execute(JourneyCommands.Referral());
        await grain.Execute(JourneyCommands.Accept(commandId) with { Fingerprint = "first" });

        await fixture.Cluster.DeactivateAsync(grain.GetGrainId());
        var other = await Journey(id).Execute(JourneyCommands.Accept(commandId) with { Fingerprint = "second" });
        var same = await Journey(id).Execute(JourneyCommands.Accept(commandId) with { Fingerprint = "first" });
        var unsigned = await Journey(id).Execute(JourneyCommands.Accept(commandId));

        Assert.Equal((CommandOutcomeKind.Rejected, RejectionKind.KeyReused), (other.Kind, other.Rejection?.Kind));
        Assert.Equal((CommandOutcomeKind.Replayed, CommandOutcomeKind.Replayed), (same.Kind, unsigned.Kind));
        Assert.Equal(2, (await fixture.Store.ReadAsync(Alberta, id, TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task One_hundred_concurrent_commands_on_one_journey_are_all_applied_in_order()
    {
        var (id, grain) = await EngagedJourneyAsync();
        var commands = Enumerable.Range(0, 100).Select(i => JourneyCommands.Contact(purpose: $"call {i}")).ToArray();

        var outcomes = await Task.WhenAll(commands.Select(grain.Execute));

        Assert.All(outcomes, o => Assert.Equal(CommandOutcomeKind.Applied, o.Kind));
        Assert.Equal(Enumerable.Range(4, 100).Select(v => (long)v), outcomes.Select(o => o.Version).Order());
        var stored = await fixture.Store.ReadAsync(Alberta, id, TestContext.Current.CancellationToken);
        Assert.Equal(Enumerable.Range(1, 103).Select(v => (long)v), stored.Select(e => e.Version));
        // Each command's event sits at exactly the version its caller was told.
        foreach (var (command, outcome) in commands.Zip(outcomes))
        {
            Assert.Equal(command.CommandId, stored[(int)outcome.Version - 1].CommandId);
        }
    }

    [Fact]
    public async Task Deactivating_and_reactivating_replays_the_same_state()
    {
        var (id, grain) = await EngagedJourneyAsync();
        await grain.Execute(new RecordWhatMatters(["Getting out of the house", "Gardening again"]) { CommandId = Guid.NewGuid(), Actor = "lw-42" });
        await grain.Execute(new AgreePlan(["Join the Tuesday walking group"]) { CommandId = Guid.NewGuid(), Actor = "lw-42" });
        var before = await grain.GetView(null);

        await fixture.Cluster.DeactivateAsync(grain.GetGrainId());
        var after = await Journey(id).GetView(null);

        Assert.Equal(before.Timeline.Select(JourneyJson.Serialize), after.Timeline.Select(JourneyJson.Serialize));
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(before.State, JourneyJson.Options),
            System.Text.Json.JsonSerializer.Serialize(after.State, JourneyJson.Options));
        Assert.Equal(5, after.State.Version);
        Assert.Equal(before.AllowedCommands, after.AllowedCommands);
    }

    [Fact]
    public async Task A_view_as_of_a_moment_folds_only_the_events_that_had_occurred_by_then()
    {
        var (id, grain) = await EngagedJourneyAsync();
        var engaged = await grain.GetView(null);
        fixture.Time.Advance(TimeSpan.FromHours(2));
        await grain.Execute(new RecordWhatMatters(["Gardening again"]) { CommandId = Guid.NewGuid(), Actor = "lw-42" });

        var now = await grain.GetView(null);
        var then = await grain.GetView(engaged.Timeline[^1].OccurredAt);
        var beforeReferral = await grain.GetView(engaged.Timeline[0].OccurredAt.AddTicks(-10));

        Assert.Equal(engaged.State.Version + 1, now.State.Version);
        Assert.Equal(engaged.State.Version, then.State.Version);
        Assert.Equal(engaged.Timeline.Select(JourneyJson.Serialize), then.Timeline.Select(JourneyJson.Serialize));
        Assert.Empty(then.State.WhatMatters);
        Assert.Empty(then.AllowedCommands);
        Assert.Equal(engaged.Timeline[^1].OccurredAt, then.AsOf);
        Assert.False(beforeReferral.State.Exists);
        Assert.Empty(beforeReferral.Timeline);
        Assert.Equal(now.State.Version, (await Journey(id).GetState()).Version);
    }

    [Fact]
    public async Task A_rejected_command_appends_nothing_and_names_the_allowed_commands()
    {
        var id = Guid.NewGuid();
        var grain = Journey(id);
        await grain.Execute(JourneyCommands.Referral());

        var outcome = await grain.Execute(JourneyCommands.Contact());

        Assert.Equal(CommandOutcomeKind.Rejected, outcome.Kind);
        Assert.Equal(RejectionKind.Conflict, outcome.Rejection!.Kind);
        Assert.Contains(JourneyCommandNames.AcceptReferral, outcome.Rejection.Allowed);
        Assert.DoesNotContain(JourneyCommandNames.RecordContact, outcome.Rejection.Allowed);
        Assert.Single(await fixture.Store.ReadAsync(Alberta, id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_command_on_a_journey_that_does_not_exist_is_not_found_and_creates_nothing()
    {
        var id = Guid.NewGuid();

        var outcome = await Journey(id).Execute(JourneyCommands.Accept());

        Assert.Equal(RejectionKind.NotFound, outcome.Rejection!.Kind);
        Assert.Empty(await fixture.Store.ReadAsync(Alberta, id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_journey_of_one_tenant_does_not_exist_under_another()
    {
        var id = Guid.NewGuid();
        await Journey(id).Execute(JourneyCommands.Referral());

        var elsewhere = Journey(id, TestTenants.Ontario.Id);

        Assert.False((await elsewhere.GetState()).Exists);
        Assert.Empty((await elsewhere.GetView(null)).Timeline);
        Assert.Equal(RejectionKind.NotFound, (await elsewhere.Execute(JourneyCommands.Accept())).Rejection!.Kind);
    }

    [Fact]
    public async Task A_referral_addressed_to_a_provider_awaits_its_answer_on_the_caseload_and_one_not_addressed_does_not()
    {
        var id = Guid.NewGuid();
        var grain = Journey(id);
        await grain.Execute(JourneyCommands.Referral());
        await grain.Execute(JourneyCommands.Accept());
        await grain.Execute(JourneyCommands.Contact());

        var organization = Guid.NewGuid();
        var addressed = await grain.Execute(new MakeCommunityReferral(new CommunityProgram("Walking club", "svc", "Walkers", Guid.NewGuid(), organization), null)
        {
            CommandId = Guid.NewGuid(),
            Actor = "lw-42",
        });
        await grain.Execute(new MakeCommunityReferral(new CommunityProgram("Free text choir", null, null), null) { CommandId = Guid.NewGuid(), Actor = "lw-42" });

        // The caseload row holds when the addressed one was made, which the partner-response sweep reads its index by.
        var made = Assert.IsType<CommunityReferralMade>(Assert.Single(addressed.Events));
        var awaited = await fixture.Store.ListAwaitedPartnerAnswersAsync(Alberta, null, null, 1000, TestContext.Current.CancellationToken);
        var row = Assert.Single(awaited, a => a.JourneyId == id);
        Assert.Equal(made.OccurredAt, row.AwaitedSince);

        // Answered, it no longer awaits.
        var answered = await grain.Execute(new AnswerCommunityReferral(made.CommunityReferralId, PartnerAnswer.Accepted, null, null, [organization]) { CommandId = Guid.NewGuid(), Actor = "partner:loop" });
        Assert.Null(answered.Rejection);
        Assert.DoesNotContain(
            await fixture.Store.ListAwaitedPartnerAnswersAsync(Alberta, null, null, 1000, TestContext.Current.CancellationToken), a => a.JourneyId == id);
    }

    [Fact]
    public async Task The_first_contact_check_marks_an_uncontacted_journey_overdue_once()
    {
        var id = Guid.NewGuid();
        var grain = Journey(id);
        await grain.Execute(JourneyCommands.Referral());
        await grain.Execute(JourneyCommands.Accept());
        var check = new CheckFirstContact { CommandId = JourneyIds.FirstContactCheck(Alberta, id), Actor = "system:test" };

        var early = await grain.Execute(check);
        fixture.Time.Advance(TimeSpan.FromDays(8));
        var due = await grain.Execute(check);
        var again = await grain.Execute(check);

        Assert.Equal(CommandOutcomeKind.Unchanged, early.Kind);
        Assert.Equal(CommandOutcomeKind.Applied, due.Kind);
        Assert.IsType<FirstContactOverdue>(Assert.Single(due.Events));
        Assert.Equal(CommandOutcomeKind.Replayed, again.Kind);
        var stored = await fixture.Store.ReadAsync(Alberta, id, TestContext.Current.CancellationToken);
        Assert.Single(stored, e => e.Type == nameof(FirstContactOverdue));
    }

    [Fact]
    public async Task A_lost_acknowledgement_is_resolved_by_replaying_from_storage()
    {
        var id = Guid.NewGuid();
        var grain = Journey(id);
        await grain.Execute(JourneyCommands.Referral());
        var accept = JourneyCommands.Accept();
        fixture.Store.FailNextAppendAfterCommit();

        await Assert.ThrowsAnyAsync<Exception>(() => grain.Execute(accept));
        var retried = await Journey(id).Execute(accept);

        Assert.Equal(CommandOutcomeKind.Replayed, retried.Kind);
        Assert.Equal(JourneyStatus.Accepted, retried.Status);
        Assert.Equal(2, (await fixture.Store.ReadAsync(Alberta, id, TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task The_caseload_row_follows_the_journey()
    {
        var (id, _) = await EngagedJourneyAsync();

        var page = await fixture.Store.QueryAsync(Alberta, new JourneyQuery("engaged", "lw-42", 1, 100), TestContext.Current.CancellationToken);

        var row = Assert.Single(page.Items, i => i.JourneyId == id);
        Assert.Equal(3, row.Version);
        Assert.Equal("Marie Tremblay", row.Summary.ClientName);
        Assert.False(row.Summary.AwaitsFirstContactCheck);
    }

    [Fact]
    public async Task A_raised_safety_alert_is_dispatched_after_commit_and_shows_on_the_caseload_row()
    {
        var (id, grain) = await EngagedJourneyAsync();

        var outcome = await grain.Execute(JourneyCommands.RiskyPhq9());

        var raised = Assert.IsType<SafetyAlertRaised>(outcome.Events[1]);
        await EventuallyAsync(() => fixture.Scheduler.Dispatched.Any(d => d.JourneyId == id && d.Tenant == Alberta && d.AlertId == raised.AlertId));
        var row = Assert.Single(
            (await fixture.Store.QueryAsync(Alberta, new JourneyQuery(null, "lw-42", 1, 100) { OpenSafetyAlertsOnly = true }, TestContext.Current.CancellationToken)).Items,
            i => i.JourneyId == id);
        Assert.Equal(1, row.Summary.OpenSafetyAlerts);
        Assert.Equal(raised.AlertId, Assert.Single(SafetyAlertDigest.Read(row.Summary.SafetyAlerts!)).Id);
        Assert.Equal(raised.OccurredAt, row.Summary.OldestOpenAlertAt);
        var measured = Assert.Single(await fixture.Store.ListOutcomeMeasuresAsync(Alberta, raised.OccurredAt, raised.OccurredAt, TestContext.Current.CancellationToken), d => d.JourneyId == id);
        Assert.True(measured.Counted);
        Assert.Null(measured.Digest);
        var series = Assert.Single(SocialPrescribing.Domain.Outcomes.OutcomeMeasures.Read(measured.Measures!));
        Assert.Equal(("phq9", raised.OccurredAt), (series.Instrument, series.Baseline!.At));
        Assert.Equal((raised.OccurredAt, raised.OccurredAt), (row.Summary.FirstAssessedAt, row.Summary.LastAssessedAt));
    }

    /// <summary>Reactions run from the event feed, just after the commit: waits until <paramref name="happened"/> holds.</summary>
    private static async Task EventuallyAsync(Func<bool> happened)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!happened())
        {
            Assert.True(DateTime.UtcNow < deadline, "The reaction did not happen within 20 seconds.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
