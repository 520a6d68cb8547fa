using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Journeys.Privacy;
using SocialPrescribing.Domain.Tests.Support;

namespace SocialPrescribing.Domain.Tests.Journeys;

/// <summary>A journey as one recipient may see it: each withheld part gone from the state and the timeline, nothing else.</summary>
public sealed class RedactionTests
{
    private static readonly Recipient LinkWorker = Recipient.Of(RecipientRole.LinkWorker, Commands.LinkWorker);

    private static JourneyBuilder FullRecord() =>
        JourneyBuilder.InStatus(JourneyStatus.Engaged)
            .RecordWhatMatters()
            .AgreePlan()
            .ReferToCommunity()
            .Assess(AssessmentTimepoint.Baseline, 12, selfHarm: true);

    [Fact]
    public void Without_a_directive_the_journey_is_shown_whole()
    {
        var journey = FullRecord();
        var disclosure = Disclosure.To(journey.State, LinkWorker);

        Assert.Same(journey.State, Redaction.Apply(journey.State, disclosure));
        Assert.Equal(journey.Events.Select((e, i) => (i + 1L, e)), Redaction.Apply(journey.Events, 1, disclosure));
    }

    [Theory]
    [InlineData(RecordPart.Assessments, nameof(AssessmentRecorded))]
    [InlineData(RecordPart.WhatMatters, nameof(WhatMattersRecorded))]
    [InlineData(RecordPart.Plan, nameof(PlanAgreed))]
    [InlineData(RecordPart.Contacts, nameof(ContactRecorded))]
    [InlineData(RecordPart.CommunityReferrals, nameof(CommunityReferralMade))]
    public void A_withheld_part_leaves_the_state_and_the_timeline_and_the_rest_stays(RecordPart part, string eventType)
    {
        var journey = FullRecord().Withhold([part], [RecipientRole.LinkWorker], []);
        var disclosure = Disclosure.To(journey.State, LinkWorker);

        var state = Redaction.Apply(journey.State, disclosure);
        var timeline = Redaction.Apply(journey.Events, 1, disclosure);

        Assert.Equal(part == RecordPart.Assessments, state.Assessments.IsEmpty);
        Assert.Equal(part == RecordPart.WhatMatters, state.WhatMatters.IsEmpty);
        Assert.Equal(part == RecordPart.Plan, state.Goals.IsEmpty && state.PlanAgreedAt is null);
        Assert.Equal(part == RecordPart.Contacts, state.Contacts.IsEmpty);
        Assert.Equal(part == RecordPart.CommunityReferrals, state.CommunityReferrals.IsEmpty);
        Assert.DoesNotContain(timeline, n => n.Event.Type == eventType);
        // Safety alerts stay whatever is withheld; the directive that withholds is withheld with its event.
        Assert.Single(state.SafetyAlerts);
        Assert.Empty(state.WithholdingDirectives);
        Assert.DoesNotContain(timeline, n => n.Event is InformationWithheld);
        // What is shown keeps its place in the stream.
        Assert.All(timeline, n => Assert.Same(journey.Events[(int)n.Version - 1], n.Event));
    }

    [Fact]
    public void Withheld_notes_are_blanked_where_they_are_and_nothing_else_changes()
    {
        var journey = FullRecord().Withhold([RecordPart.Notes], [], [Commands.LinkWorker]);
        var disclosure = Disclosure.To(journey.State, LinkWorker);

        var state = Redaction.Apply(journey.State, disclosure);
        var timeline = Redaction.Apply(journey.Events, 1, disclosure);

        Assert.Null(state.ReferralNotes);
        Assert.All(state.Contacts, c => Assert.Null(c.Notes));
        Assert.All(state.CommunityReferrals, r => Assert.Null(r.Notes));
        Assert.Null(timeline.Select(n => n.Event).OfType<ReferralReceived>().Single().Notes);
        Assert.Equal(journey.Events.Count - 1, timeline.Length);
        Assert.Equal(journey.State.WhatMatters, state.WhatMatters);
    }
}
