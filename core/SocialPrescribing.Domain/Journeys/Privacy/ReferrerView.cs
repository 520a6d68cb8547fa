using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Journeys.Privacy;

/// <summary>
/// What the referrer may be told about a referral they sent, as the person's consent allows: with
/// <see cref="ReferrerSharing.None"/> only that it was received; with <see cref="ReferrerSharing.StatusOnly"/> the
/// status and its dates; with <see cref="ReferrerSharing.FullSummary"/> also what matters, the plan's goals and the
/// community referrals, less any part a lock-box directive withholds from this referrer (then
/// <see cref="Withheld"/> is true and the reader shows <see cref="Disclosure.Notice"/>). Never notes, assessments,
/// contacts or the closure reason.
/// </summary>
public sealed record ReferrerView(
    DateTimeOffset? ReferredAt,
    ReferrerSharing Sharing,
    JourneyStatus? Status,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? FirstContactAt,
    DateTimeOffset? ClosedAt,
    ImmutableArray<string>? WhatMatters,
    ImmutableArray<string>? Goals,
    ImmutableArray<ReferrerView.Program>? CommunityReferrals,
    bool Withheld)
{
    /// <summary>A community program the person was referred to, and how far it got.</summary>
    public sealed record Program(string Name, string? Organization, CommunityReferralStatus Status);

    public static ReferrerView Of(JourneyState state, Recipient referrer)
    {
        ArgumentNullException.ThrowIfNull(state);
        var sharing = state.Consent.ReferrerSharing;
        var received = new ReferrerView(state.ReferredAt, sharing, null, null, null, null, null, null, null, false);
        if (sharing == ReferrerSharing.None)
        {
            return received;
        }

        var withStatus = received with { Status = state.Status, AcceptedAt = state.AcceptedAt, FirstContactAt = state.FirstContactAt, ClosedAt = state.ClosedAt };
        if (sharing == ReferrerSharing.StatusOnly)
        {
            return withStatus;
        }

        var disclosure = Disclosure.To(state, referrer);
        return withStatus with
        {
            WhatMatters = disclosure.IsWithheld(RecordPart.WhatMatters) ? null : state.WhatMatters,
            Goals = disclosure.IsWithheld(RecordPart.Plan) ? null : state.Goals,
            CommunityReferrals = disclosure.IsWithheld(RecordPart.CommunityReferrals)
                ? null
                : [.. state.CommunityReferrals.Select(r => new Program(r.Program.Name, r.Program.Organization, r.Status))],
            Withheld = disclosure.IsWithheld(RecordPart.WhatMatters) || disclosure.IsWithheld(RecordPart.Plan) || disclosure.IsWithheld(RecordPart.CommunityReferrals),
        };
    }
}
