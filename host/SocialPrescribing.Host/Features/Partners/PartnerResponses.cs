using System.ComponentModel;
using SocialPrescribing.Application.CommunityDirectory.Partners;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Privacy;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Partners;

/// <summary>A provider's answer to a referral addressed to it.</summary>
internal sealed record PartnerAnswerRequest(
    [property: Description("accepted, declined, waitlisted, attended, did-not-attend or completed.")] string? Answer,
    [property: Description("Why it was declined (only with declined): no-capacity, not-eligible, out-of-area, could-not-contact, no-longer-interested or other.")] string? Reason,
    [property: Description("A note for the link worker, up to 2,000 characters.")] string? Note);

/// <summary>The organizations a community partner answers for.</summary>
internal sealed record PartnerMembershipRequest(
    [property: Description("Ids of organizations in the tenant's directory; an empty list ends the membership.")] IReadOnlyList<Guid>? OrganizationIds);

internal sealed record PartnerMemberResponse(string MemberId, IReadOnlyList<Guid> OrganizationIds, DateTimeOffset SetAt, string SetBy)
{
    public static PartnerMemberResponse From(PartnerMember m) => new(m.MemberId, m.Organizations, m.SetAt, m.SetBy);
}

/// <summary>A referral in a provider's list.</summary>
internal sealed record PartnerReferralItemResponse(
    Guid Id,
    [property: Description("The person's name.")] string Person,
    string Program,
    Guid? OrganizationId,
    Guid? ServiceAtLocationId,
    [property: WireEnum<CommunityReferralStatus>] string Status,
    [property: Description("The provider's last answer, if any.")] string? Answer,
    DateTimeOffset MadeAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? StartedAt,
    [property: Description("Whether the provider's answer is late (the link worker was asked to follow up).")] bool ResponseOverdue,
    [property: Description("The answers the provider may give now.")] IReadOnlyList<string> Answers)
{
    public static PartnerReferralItemResponse From(PartnerReferralItem item)
    {
        var r = item.Referral;
        return new(r.Id, item.PersonName, r.Program, r.OrganizationId, r.ServiceAtLocationId, WireNames.Of(r.Status), r.Answer is { } a ? WireNames.Of(a) : null,
            r.MadeAt, r.AnsweredAt, r.StartedAt, r.ResponseOverdue, [.. item.Answers.Select(WireNames.Of)]);
    }
}

internal sealed record PartnerReferralListResponse(IReadOnlyList<PartnerReferralItemResponse> Items, int Total, int Page, int PerPage);

/// <summary>A referral as its provider sees it: the minimum needed to take the person on.</summary>
internal sealed record PartnerReferralResponse(
    Guid Id,
    string Program,
    Guid? OrganizationId,
    Guid? ServiceAtLocationId,
    [property: Description("The link worker's note to the provider, unless the person withholds notes.")] string? Notes,
    [property: WireEnum<CommunityReferralStatus>] string Status,
    string? Answer,
    string? DeclineReason,
    string? PartnerNote,
    int SessionsAttended,
    int SessionsMissed,
    DateTimeOffset MadeAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? StartedAt,
    PartnerPersonResponse Person,
    [property: Description("The link worker to call back.")] string? LinkWorkerId,
    [property: Description("The answers the provider may give now.")] IReadOnlyList<string> Answers,
    [property: Description("Parts of the record the person withholds from this provider; when any, the notice says so.")] IReadOnlyList<string> Withheld,
    string? Notice)
{
    public static PartnerReferralResponse From(PartnerReferralView v)
    {
        var r = v.Referral;
        return new(
            r.Id,
            r.Program.Name,
            r.Program.OrganizationId,
            r.Program.ServiceAtLocationId,
            r.Notes,
            WireNames.Of(r.Status),
            r.LastAnswer is { } a ? WireNames.Of(a) : null,
            r.DeclineReason is { } d ? WireNames.Of(d) : null,
            r.PartnerNote,
            r.SessionsAttended,
            r.SessionsMissed,
            r.MadeAt,
            r.UpdatedAt,
            r.AnsweredAt,
            r.StartedAt,
            new PartnerPersonResponse(
                v.GivenName,
                v.FamilyName,
                v.AgeYears,
                WireNames.Of(v.PreferredLanguage),
                v.Phone,
                v.Email,
                v.Contact.DoNotContact,
                [.. v.Contact.Channels.Select(WireNames.Of)],
                [.. v.Contact.Times.Select(WireNames.Of)],
                [.. v.Needs.Select(WireNames.Of)]),
            v.LinkWorkerId,
            [.. v.Answers.Select(WireNames.Of)],
            [.. v.Withheld.Select(WireNames.Of)],
            v.Withheld.Count > 0 ? Disclosure.Notice : null);
    }
}

/// <summary>The person, as much as a provider needs: name, age, language, how to reach them as they allow, and the needs they let be known.</summary>
internal sealed record PartnerPersonResponse(
    string GivenName,
    string FamilyName,
    int AgeYears,
    string PreferredLanguage,
    [property: Description("Null when the person asked not to be contacted.")] string? Phone,
    [property: Description("Null when the person asked not to be contacted.")] string? Email,
    bool DoNotContact,
    IReadOnlyList<string> ContactChannels,
    IReadOnlyList<string> ContactTimes,
    [property: Description("The barriers the person lets be known (mobility, language…), empty when withheld.")] IReadOnlyList<string> Needs);

/// <summary>How a provider organization answers referrals.</summary>
internal sealed record ProviderResponseResponse(
    Guid OrganizationId,
    int Referrals,
    int Answered,
    int Declined,
    [property: Description("Referrals still unanswered past the tenant's deadline.")] int Overdue,
    double? MedianResponseHours,
    [property: Description("Share of answered referrals the provider took (accepted, waitlisted or started), 0 to 1.")] double? AcceptanceRate)
{
    public static ProviderResponseResponse From(ProviderResponse p) =>
        new(p.OrganizationId, p.Referrals, p.Answered, p.Declined, p.Overdue, p.MedianResponseHours, p.AcceptanceRate);
}
