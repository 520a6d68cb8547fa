using System.Collections.Immutable;
using SocialPrescribing.Application.Access;
using SocialPrescribing.Application.Audit;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Privacy;
using SocialPrescribing.Domain.Outcomes;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Grains.Journeys;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Application.CommunityDirectory.Partners;

/// <summary>A referral in a partner's list: the person's name (to know whom it is about) and the referral's digest.</summary>
public sealed record PartnerReferralItem(string PersonName, CommunityReferralDigest.Entry Referral, ImmutableArray<PartnerAnswer> Answers);

/// <summary>A page of the referrals addressed to a partner's organizations, newest first, and how many there are in all.</summary>
public sealed record PartnerReferralPage(IReadOnlyList<PartnerReferralItem> Items, int Total);

/// <summary>
/// The minimum a provider needs to take a person on: who they are and how to reach them (as the person allows), the
/// needs they asked to be known (their barriers, unless withheld), the referral with the link worker's note to the
/// provider (unless notes are withheld), and the link worker to call back.
/// </summary>
public sealed record PartnerReferralView(
    CommunityReferral Referral,
    string GivenName,
    string FamilyName,
    int AgeYears,
    PreferredLanguage PreferredLanguage,
    string? Phone,
    string? Email,
    ContactPreferences Contact,
    ImmutableArray<AccessBarrier> Needs,
    string? LinkWorkerId,
    ImmutableArray<PartnerAnswer> Answers,
    IReadOnlyList<RecordPart> Withheld);

/// <summary>What a partner's answer came to: the referral as it now stands, or the rejection.</summary>
public sealed record PartnerAnswerOutcome(CommandOutcome Outcome, PartnerReferralView? Referral);

/// <summary>
/// The community partner's door: the referrals addressed to the organizations the caller answers for
/// (<see cref="PartnerMembers"/>), each with the minimum the provider needs, and their answers. A partner sees only
/// referrals the person lets its organization see (their lock-box); every list and read is an audited access to the
/// person's record, and an answer is audited as a command.
/// </summary>
public sealed class PartnerReferralUseCases(
    IJourneyStore store, IGrainFactory grains, PartnerMembers members, AuditTrail audit, ITenantDirectory tenants, TimeProvider time)
{
    public const int MaxPerPage = 100;

    /// <summary>The referrals addressed to the caller's organizations, newest first; only those still open when <paramref name="openOnly"/>.</summary>
    /// <exception cref="AccessDeniedException">The caller answers for no organization.</exception>
    public async Task<PartnerReferralPage> ListAsync(Caller caller, bool openOnly, int page, int perPage, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perPage, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(perPage, MaxPerPage);
        var organizations = await OrganizationsAsync(caller, cancellationToken);
        var all = (await store.ListCommunityReferralDigestsAsync(caller.Tenant, organizations, cancellationToken))
            .SelectMany(d => CommunityReferralDigest.Read(d.Digest)
                .Where(e => Addressed(e, organizations) && (!openOnly || !CommunityReferralTransitions.IsTerminal(e.Status)))
                .Select(e => (d.JourneyId, Item: new PartnerReferralItem(d.ClientName, e, CommunityReferralTransitions.AnswersAfter(e.Status)))))
            .OrderByDescending(x => x.Item.Referral.MadeAt)
            .ThenBy(x => x.Item.Referral.Id)
            .ToList();
        var shown = all.Skip((page - 1) * perPage).Take(perPage).ToList();
        await audit.RecordEachAsync(caller, shown.Select(x => x.JourneyId), RecordAccess.PartnerReferralList);
        return new PartnerReferralPage([.. shown.Select(x => x.Item)], all.Count);
    }

    /// <summary>The referral as its provider sees it, or null when no referral of that id is addressed to the caller's organizations.</summary>
    /// <exception cref="AccessDeniedException">The caller answers for no organization.</exception>
    public async Task<PartnerReferralView?> FindAsync(Caller caller, Guid referralId, CancellationToken cancellationToken = default)
    {
        var organizations = await OrganizationsAsync(caller, cancellationToken);
        if (await JourneyOfAsync(caller, organizations, referralId, cancellationToken) is not { } journeyId)
        {
            return null;
        }

        var state = await grains.GetGrain<IJourneyGrain>(journeyId, caller.Tenant.Value).GetState();
        var view = View(caller, state, organizations, referralId);
        if (view is not null)
        {
            await audit.RecordAsync(caller, journeyId, RecordAccess.PartnerReferral);
        }

        return view;
    }

    /// <summary>
    /// Records the provider's answer on the referral, in the journey's own call (which checks again that the referral is
    /// addressed to one of the caller's organizations); null when no referral of that id is addressed to them.
    /// </summary>
    /// <exception cref="AccessDeniedException">The caller answers for no organization.</exception>
    public async Task<PartnerAnswerOutcome?> AnswerAsync(
        Caller caller, Guid referralId, Func<Guid, Guid> commandId, PartnerAnswer answer, DeclineReason? reason, string? note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commandId);
        var organizations = await OrganizationsAsync(caller, cancellationToken);
        if (await JourneyOfAsync(caller, organizations, referralId, cancellationToken) is not { } journeyId)
        {
            return null;
        }

        var journey = grains.GetGrain<IJourneyGrain>(journeyId, caller.Tenant.Value);
        var outcome = await journey.Execute(new AnswerCommunityReferral(referralId, answer, reason, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), organizations)
        {
            CommandId = commandId(journeyId),
            Actor = caller.Id,
        });
        if (outcome.Rejection?.Kind is RejectionKind.NotFound)
        {
            return null;
        }

        await audit.RecordAsync(caller, journeyId, RecordAccess.Command(JourneyCommandNames.AnswerCommunityReferral));
        var state = await journey.GetState();
        return new PartnerAnswerOutcome(outcome, View(caller, state, organizations, referralId));
    }

    private PartnerReferralView? View(Caller caller, JourneyState state, ImmutableArray<Guid> organizations, Guid referralId)
    {
        if (state.Client is not { } client
            || state.CommunityReferrals.Find(r => r.Id == referralId) is not { Program.OrganizationId: { } organization }
            || !organizations.Contains(organization))
        {
            return null;
        }

        var disclosure = Disclosure.To(state, Recipient.Of(RecipientRole.CommunityPartner, organization.ToString("D"), caller.Id));
        if (disclosure.IsWithheld(RecordPart.CommunityReferrals))
        {
            return null;
        }

        var shown = Redaction.Apply(state, disclosure);
        var referral = shown.CommunityReferrals.Find(r => r.Id == referralId)!;
        var age = client.AgeOn(BusinessCalendar.Today(time, tenants.TryGet(caller.Tenant, out var tenant) ? tenant : null));
        var contact = state.Consent.Contact;
        return new PartnerReferralView(
            referral,
            client.GivenName,
            client.FamilyName,
            age,
            client.PreferredLanguage,
            contact.DoNotContact ? null : client.Phone,
            contact.DoNotContact ? null : client.Email,
            contact,
            shown.Barriers is { } barriers ? [.. barriers.Barriers] : [],
            state.LinkWorkerId,
            state.Status == JourneyStatus.Engaged ? CommunityReferralTransitions.AnswersAfter(referral.Status) : [],
            disclosure.WithheldParts);
    }

    private async Task<ImmutableArray<Guid>> OrganizationsAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var organizations = await members.OrganizationsOfAsync(caller, cancellationToken);
        if (organizations.IsEmpty)
        {
            await audit.RecordAsync(caller, null, RecordAccess.PartnerReferralList, allowed: false);
            throw new AccessDeniedException("You answer for no organization of this tenant's directory: a tenant admin names the organizations a community partner answers for.");
        }

        return organizations;
    }

    private async Task<Guid?> JourneyOfAsync(Caller caller, ImmutableArray<Guid> organizations, Guid referralId, CancellationToken cancellationToken) =>
        (await store.ListCommunityReferralDigestsAsync(caller.Tenant, organizations, cancellationToken))
            .Where(d => CommunityReferralDigest.Read(d.Digest).Any(e => e.Id == referralId && Addressed(e, organizations)))
            .Select(d => (Guid?)d.JourneyId)
            .FirstOrDefault();

    private static bool Addressed(CommunityReferralDigest.Entry entry, ImmutableArray<Guid> organizations) =>
        entry.Shared && entry.OrganizationId is { } organization && organizations.Contains(organization);
}
