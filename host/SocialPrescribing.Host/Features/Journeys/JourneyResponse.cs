using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Privacy;
using SocialPrescribing.Grains.Journeys;
using SocialPrescribing.Host.Features.Assessments;
using SocialPrescribing.Host.Features.Consent;
using SocialPrescribing.Host.Features.SafetyAlerts;
using SocialPrescribing.Host.Features.Transport;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

/// <summary>
/// A journey as the API shows it: current state, what may happen next, and the newest part of its timeline
/// (<c>earlierEvents</c> says how many events come before it, read from <c>…/timeline?before=</c> <c>earlierEvents</c> + 1); without what the person's lock-box withholds from the caller, in which case <c>notice</c> says that
/// something is withheld (not what).
/// </summary>
internal sealed record JourneyResponse(
    Guid JourneyId,
    string Tenant,
    [property: WireEnum<JourneyStatus>(Except = "none")] string Status,
    long Version,
    ClientDetails Client,
    ReferrerDetails Referrer,
    ReferralSource Source,
    IReadOnlyList<string> Reasons,
    string? Notes,
    DateTimeOffset ReferredAt,
    string? LinkWorkerId,
    DateTimeOffset? AcceptedAt,
    FirstContactResponse FirstContact,
    int ContactAttempts,
    IReadOnlyList<ContactRecord> Contacts,
    IReadOnlyList<string> WhatMatters,
    BarriersResponse? Barriers,
    PlanResponse? Plan,
    IReadOnlyList<CommunityReferralResponse> CommunityReferrals,
    IReadOnlyList<FollowUp> FollowUps,
    IReadOnlyList<TripResponse> Trips,
    ClosureResponse? Closure,
    IReadOnlyList<AssessmentResponse> Assessments,
    IReadOnlyList<SafetyAlertResponse> SafetyAlerts,
    int OpenSafetyAlerts,
    ConsentResponse Consent,
    IReadOnlyList<WithholdingDirectiveResponse> WithholdingDirectives,
    IReadOnlyList<string> AllowedCommands,
    IReadOnlyList<TimelineEntry> Timeline,
    long EarlierEvents,
    DateTimeOffset? AsOf,
    string? Notice)
{
    public static JourneyResponse From(TenantId tenant, Guid journeyId, JourneyView view)
    {
        var s = view.State;
        return new JourneyResponse(
            journeyId,
            tenant.Value,
            WireNames.Of(s.Status),
            s.Version,
            s.Client!,
            s.Referrer!,
            s.Source!.Value,
            s.Reasons,
            s.ReferralNotes,
            s.ReferredAt!.Value,
            s.LinkWorkerId,
            s.AcceptedAt,
            new FirstContactResponse(s.FirstContactDueAt, s.FirstContactAt, s.FirstContactOverdueAt is not null, s.FirstContactOverdueAt),
            s.ContactAttempts,
            s.Contacts,
            s.WhatMatters,
            BarriersResponse.From(s.Barriers, s.BarriersRecordedAt),
            s.PlanAgreedAt is { } agreed ? new PlanResponse(s.Goals, agreed) : null,
            [.. s.CommunityReferrals.Select(r => new CommunityReferralResponse(
                r.Id,
                r.Program,
                r.Notes,
                WireNames.Of(r.Status),
                [.. CommunityReferralTransitions.AllowedAfter(r.Status).Select(WireNames.Of)],
                r.MadeAt,
                r.UpdatedAt)
            {
                PartnerAnswer = r.LastAnswer is { } answer ? WireNames.Of(answer) : null,
                AnsweredAt = r.AnsweredAt,
                DeclineReason = r.DeclineReason is { } reason ? WireNames.Of(reason) : null,
                PartnerNote = r.PartnerNote,
                StartedAt = r.StartedAt,
                SessionsAttended = r.SessionsAttended,
                SessionsMissed = r.SessionsMissed,
                ResponseOverdueAt = r.ResponseOverdueAt,
            })],
            s.FollowUps,
            [.. s.Trips.Select(TripResponse.From)],
            s.ClosedAt is { } closed ? new ClosureResponse(s.ClosureReason!, closed) : null,
            [.. s.Assessments.Select(AssessmentResponse.From)],
            [.. s.SafetyAlerts.Select(SafetyAlertResponse.From)],
            s.OpenSafetyAlerts,
            ConsentResponse.From(s),
            [.. s.WithholdingDirectives.Select(WithholdingDirectiveResponse.From)],
            view.AllowedCommands,
            TimelineEntry.Of(view),
            view.EventsBefore,
            view.AsOf,
            view.Withheld.IsEmpty ? null : Disclosure.Notice);
    }
}
