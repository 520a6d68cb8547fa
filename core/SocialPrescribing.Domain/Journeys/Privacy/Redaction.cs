using System.Collections.Immutable;
using SocialPrescribing.Domain.Journeys.Events;

namespace SocialPrescribing.Domain.Journeys.Privacy;

/// <summary>
/// A journey as one recipient may see it under the person's lock-box directives (<see cref="Disclosure"/>): the state
/// without the withheld parts, and the timeline without the events that carry them. The directives that withhold from
/// the recipient are withheld from them too, since they say what is withheld; a read path shows
/// <see cref="Disclosure.Notice"/> instead. Safety alerts stay: an alert (its flag and instrument, never the answers)
/// is for the person's safety, which a lock-box does not override.
/// </summary>
public static class Redaction
{
    public static JourneyState Apply(JourneyState state, Disclosure disclosure)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(disclosure);
        if (!disclosure.AnyWithheld)
        {
            return state;
        }

        var shown = state with { WithholdingDirectives = state.WithholdingDirectives.RemoveAll(d => disclosure.Applies(d.Id)) };
        if (disclosure.IsWithheld(RecordPart.Assessments))
        {
            shown = shown with { Assessments = [] };
        }

        if (disclosure.IsWithheld(RecordPart.Notes))
        {
            shown = shown with
            {
                ReferralNotes = null,
                Contacts = [.. shown.Contacts.Select(c => c with { Notes = null })],
                FollowUps = [.. shown.FollowUps.Select(f => f with { Notes = null })],
                CommunityReferrals = [.. shown.CommunityReferrals.Select(r => r with { Notes = null, PartnerNote = null })],
                UnmetNeeds = [.. shown.UnmetNeeds.Select(u => u with { Details = null })],
            };
        }

        if (disclosure.IsWithheld(RecordPart.WhatMatters))
        {
            shown = shown with { WhatMatters = [], Barriers = null, BarriersRecordedAt = null };
        }

        if (disclosure.IsWithheld(RecordPart.Plan))
        {
            shown = shown with { Goals = [], PlanAgreedAt = null };
        }

        if (disclosure.IsWithheld(RecordPart.Contacts))
        {
            shown = shown with { Contacts = [], ContactAttempts = 0, AttemptsSinceContact = 0 };
        }

        if (disclosure.IsWithheld(RecordPart.CommunityReferrals))
        {
            shown = shown with { CommunityReferrals = [] };
        }

        return shown;
    }

    /// <summary>
    /// The events the recipient may see, in order, each with its version in the stream (consecutive from
    /// <paramref name="firstVersion"/> before any is left out), notes blanked when notes are withheld.
    /// </summary>
    public static ImmutableArray<(long Version, JourneyEvent Event)> Apply(IReadOnlyList<JourneyEvent> events, long firstVersion, Disclosure disclosure)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(disclosure);
        var numbered = events.Select((e, i) => (Version: firstVersion + i, Event: e));
        return disclosure.AnyWithheld
            ? [.. numbered.Where(n => Shows(n.Event, disclosure)).Select(n => (n.Version, disclosure.IsWithheld(RecordPart.Notes) ? WithoutNotes(n.Event) : n.Event))]
            : [.. numbered];
    }

    private static bool Shows(JourneyEvent e, Disclosure disclosure) => e switch
    {
        AssessmentRecorded => !disclosure.IsWithheld(RecordPart.Assessments),
        WhatMattersRecorded or BarriersRecorded => !disclosure.IsWithheld(RecordPart.WhatMatters),
        PlanAgreed => !disclosure.IsWithheld(RecordPart.Plan),
        ContactRecorded or ContactAttempted => !disclosure.IsWithheld(RecordPart.Contacts),
        CommunityReferralMade or CommunityReferralStatusChanged or CommunityReferralAnswered or PartnerResponseOverdue => !disclosure.IsWithheld(RecordPart.CommunityReferrals),
        InformationWithheld w => !disclosure.Applies(w.DirectiveId),
        _ => true,
    };

    private static JourneyEvent WithoutNotes(JourneyEvent e) => e switch
    {
        ReferralReceived r => r with { Notes = null },
        ContactRecorded c => c with { Notes = null },
        ContactAttempted a => a with { Notes = null },
        FollowUpCompleted f => f with { Notes = null },
        CommunityReferralMade m => m with { Notes = null },
        CommunityReferralAnswered a => a with { Note = null },
        UnmetNeedRecorded u => u with { Details = null },
        _ => e,
    };
}
