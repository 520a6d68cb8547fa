using System.Collections.Immutable;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Events;

namespace SocialPrescribing.Documents.Tests;

/// <summary>Builds a journey's state the way the grain does: by folding the events it would have raised.</summary>
internal sealed class JourneyStateBuilder
{
    private readonly List<JourneyEvent> _events = [];

    public JourneyStateBuilder Referred(
        ClientDetails client, ReferrerDetails referrer, ReferralSource source, DateTimeOffset at, params string[] reasons) =>
        Add(new ReferralReceived(client, referrer, source, [.. reasons], "Notes that must never reach a document."), at);

    public JourneyStateBuilder Accepted(string linkWorkerId, DateTimeOffset at, DateTimeOffset firstContactDueAt) =>
        Add(new ReferralAccepted(linkWorkerId, firstContactDueAt), at);

    public JourneyStateBuilder Contacted(DateTimeOffset at) =>
        Add(new ContactRecorded(ContactMode.Phone, "first contact", "Private contact notes.", IsFirstContact: true), at);

    public JourneyStateBuilder WhatMatters(DateTimeOffset at, params string[] items) =>
        Add(new WhatMattersRecorded([.. items]), at);

    public JourneyStateBuilder PlanAgreed(DateTimeOffset at, params string[] goals) =>
        Add(new PlanAgreed([.. goals]), at);

    /// <summary>A community referral made at <paramref name="at"/>, then moved through <paramref name="path"/> a day apart.</summary>
    public JourneyStateBuilder CommunityReferral(
        Guid id, CommunityProgram program, DateTimeOffset at, params CommunityReferralStatus[] path)
    {
        Add(new CommunityReferralMade(id, program, "Private referral notes."), at);
        var from = CommunityReferralStatus.Requested;
        foreach (var (to, day) in path.Select((to, index) => (to, index + 1)))
        {
            Add(new CommunityReferralStatusChanged(id, from, to), at.AddDays(day));
            from = to;
        }

        return this;
    }

    public JourneyStateBuilder FollowUp(Guid id, DateOnly dueOn, DateTimeOffset at) =>
        Add(new FollowUpScheduled(id, dueOn), at);

    public JourneyStateBuilder Assessment(string instrument, AssessmentTimepoint timepoint, decimal total, string band, DateTimeOffset at) =>
        Add(new AssessmentRecorded(Guid.NewGuid(), instrument, "1.0", timepoint, [], [new AssessmentScore("total", total, band)], []), at);

    public JourneyStateBuilder Trip(Guid id, string destination, DateTimeOffset pickup, DateTimeOffset at) =>
        Add(new TransportRequested(
            id,
            "contoso-rides",
            new SocialPrescribing.Domain.Journeys.Transport.TripDetails(
                new SocialPrescribing.Domain.Journeys.Transport.TripPlace(null, "12 Elm St NW", "Calgary", "AB", "T2N 1N4", null),
                new SocialPrescribing.Domain.Journeys.Transport.TripPlace(destination, "1415 Kensington Rd NW", "Calgary", "AB", null, null),
                new SocialPrescribing.Domain.Journeys.Transport.TripWindow(pickup, pickup.AddMinutes(30)),
                null,
                null,
                new SocialPrescribing.Domain.Journeys.Transport.TripMobility(SocialPrescribing.Abstractions.Transport.WheelchairUse.None, false, false, 0, false, null)),
            null), at);

    public JourneyStateBuilder Discharged(DateTimeOffset at, string reason) => Add(new Discharged(reason), at);

    public JourneyStateBuilder Declined(DateTimeOffset at, string reason) => Add(new ReferralDeclined(reason), at);

    public JourneyState Build() => JourneyState.Fold(_events.ToImmutableArray());

    private JourneyStateBuilder Add(JourneyEvent e, DateTimeOffset at)
    {
        _events.Add(e with { OccurredAt = at, Actor = "test", CommandId = Guid.Empty });
        return this;
    }
}
