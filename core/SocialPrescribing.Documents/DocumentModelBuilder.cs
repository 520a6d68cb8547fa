using System.Globalization;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Tenants;

namespace SocialPrescribing.Documents;

/// <summary>Turns a journey's state into the words and dates a document shows, for one tenant and language.</summary>
public static class DocumentModelBuilder
{
    /// <summary>Builds the model every document template renders from.</summary>
    /// <param name="tenant">The program: its name, contact point, time zone and first-contact deadline.</param>
    /// <param name="journeyId">The journey, quoted on documents as their reference.</param>
    /// <param name="state">The journey's folded state; it must hold a referral.</param>
    /// <param name="lang">The document's language: <c>en</c> or <c>fr</c>.</param>
    /// <param name="now">The moment the document is produced; dates are the tenant's local dates.</param>
    /// <param name="linkWorkerName">The assigned link worker's name, which documents show (never their id).</param>
    /// <param name="withheld">Whether the person's lock-box withholds part of the record from whoever produces it: the document then says so.</param>
    /// <exception cref="UnsupportedDocumentLanguageException">The language is not supported.</exception>
    /// <exception cref="ArgumentException">The journey has no referral, so there is nothing to write about.</exception>
    public static DocumentModel Build(
        TenantSettings tenant, Guid journeyId, JourneyState state, string lang, DateTimeOffset now, bool withheld = false, string? linkWorkerName = null)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(state);
        if (!DocumentLanguages.IsSupported(lang))
        {
            throw new UnsupportedDocumentLanguageException(lang);
        }

        if (state.Client is not { } client || state.Referrer is not { } referrer
            || state.Source is not { } source || state.ReferredAt is not { } referredAt)
        {
            throw new ArgumentException("The journey holds no referral, so there is nothing to put in a document.", nameof(state));
        }

        var today = BusinessCalendar.LocalDate(now, tenant);
        return new DocumentModel
        {
            Lang = lang,
            WithheldNotice = withheld ? DocumentLabels.WithheldNotice(lang) : null,
            GeneratedOn = DocumentDates.Format(today, lang),
            Program = new DocumentProgram(tenant.DisplayName, tenant.ContactPoint),
            Client = new DocumentClient(client.GivenName, ShortName(client)),
            Referrer = new DocumentReferrer(referrer.Name, referrer.Organization),
            Referral = new DocumentReferral
            {
                Reference = journeyId.ToString("D", CultureInfo.InvariantCulture),
                ReceivedOn = DocumentDates.Format(BusinessCalendar.LocalDate(referredAt, tenant), lang),
                Source = DocumentLabels.Source(source, lang),
                Reasons = [.. state.Reasons.Select(reason => DocumentLabels.Reason(reason, lang))],
                FirstContactBusinessDays = tenant.FirstContactSlaBusinessDays,
                FirstContactDueOn = state.FirstContactDueAt is { } due
                    ? DocumentDates.Format(BusinessCalendar.LocalDate(due, tenant), lang)
                    : null,
            },
            LinkWorkerId = state.LinkWorkerId,
            LinkWorkerName = state.LinkWorkerId is null ? null : linkWorkerName,
            WhatMatters = [.. state.WhatMatters],
            Goals = [.. state.Goals],
            CommunityReferrals = [.. state.CommunityReferrals
                .OrderBy(referral => referral.MadeAt)
                .Select(referral => new DocumentCommunityReferral(
                    referral.Program.Name,
                    referral.Program.Organization,
                    WireNames.Of(referral.Status),
                    DocumentLabels.Status(referral.Status, lang)))],
            FollowUps = [.. state.FollowUps
                .Where(followUp => followUp.DueOn >= today)
                .OrderBy(followUp => followUp.DueOn)
                .Select(followUp => new DocumentFollowUp(DocumentDates.FormatWithWeekday(followUp.DueOn, lang)))],
        };
    }

    // Given name and family initial: a referrer recognises the person without the letter carrying
    // more identity than it needs to.
    private static string ShortName(ClientDetails client)
    {
        var family = client.FamilyName.Trim();
        return family.Length == 0
            ? client.GivenName
            : $"{client.GivenName} {StringInfo.GetNextTextElement(family)}.";
    }
}
