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
    /// <param name="directory">The HSDS documents of the directory services the community referrals name, by service id.</param>
    public static DocumentModel Build(
        TenantSettings tenant,
        Guid journeyId,
        JourneyState state,
        string lang,
        DateTimeOffset now,
        bool withheld = false,
        string? linkWorkerName = null,
        IReadOnlyDictionary<string, string>? directory = null)
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
            Client = new DocumentClient(client.GivenName, ShortName(client), $"{client.GivenName} {client.FamilyName}".Trim(), DocumentDates.Format(client.BirthDate, lang)),
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
                    DocumentLabels.Status(referral.Status, lang))
                {
                    Details = referral.Program.ServiceId is { } service && directory is not null && directory.TryGetValue(service, out var hsds)
                        ? DocumentDirectory.Details(hsds, lang)
                        : null,
                    Connected = referral.Status is CommunityReferralStatus.InProgress or CommunityReferralStatus.Completed,
                    Open = !CommunityReferralTransitions.IsTerminal(referral.Status),
                })],
            Trips = [.. state.Trips
                .Where(trip => trip.IsOpen && (trip.ScheduledPickup ?? trip.Details.PickupWindow).End >= now)
                .OrderBy(trip => (trip.ScheduledPickup ?? trip.Details.PickupWindow).Start)
                .Select(trip => Trip(trip, tenant, lang))],
            Closure = state.ClosedAt is { } closed
                ? new DocumentClosure(
                    DocumentDates.Format(BusinessCalendar.LocalDate(closed, tenant), lang),
                    DocumentLabels.Closure(state.Status, lang),
                    state.ClosureReason ?? string.Empty,
                    state.Status != JourneyStatus.Discharged || !state.CommunityReferrals.Any(r => r.Status is CommunityReferralStatus.InProgress or CommunityReferralStatus.Completed))
                : null,
            Outcomes = [.. state.Assessments
                .GroupBy(a => a.Instrument, StringComparer.Ordinal)
                .Where(g => g.Count() > 1 && g.All(a => a.Scores.Length > 0))
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g =>
                {
                    var first = g.MinBy(a => a.RecordedAt)!.Scores[0];
                    var last = g.MaxBy(a => a.RecordedAt)!.Scores[0];
                    var change = last.Value - first.Value;
                    return new DocumentOutcome(
                        DocumentLabels.Instrument(g.Key),
                        Score(first, lang),
                        Score(last, lang),
                        change == 0 ? "0" : (change > 0 ? "+" : "\u2212") + Math.Abs(change).ToString("0.##", DocumentLanguages.CultureOf(lang)));
                })],
            FollowUps = [.. state.FollowUps
                .Where(followUp => followUp.DueOn >= today)
                .OrderBy(followUp => followUp.DueOn)
                .Select(followUp => new DocumentFollowUp(DocumentDates.FormatWithWeekday(followUp.DueOn, lang)))],
        };
    }

    private static DocumentTrip Trip(Domain.Journeys.Transport.TransportTrip trip, TenantSettings tenant, string lang)
    {
        var window = trip.ScheduledPickup ?? trip.Details.PickupWindow;
        var culture = DocumentLanguages.CultureOf(lang);
        var start = TimeZoneInfo.ConvertTime(window.Start, tenant.TimeZone);
        var end = TimeZoneInfo.ConvertTime(window.End, tenant.TimeZone);
        var day = DocumentDates.FormatWithWeekday(DateOnly.FromDateTime(start.DateTime), lang);
        var times = lang == DocumentLanguages.French
            ? $"{start.ToString("H' h 'mm", culture)} à {end.ToString("H' h 'mm", culture)}"
            : $"{start.ToString("h:mm tt", CultureInfo.InvariantCulture).ToLowerInvariant()} to {end.ToString("h:mm tt", CultureInfo.InvariantCulture).ToLowerInvariant()}";
        var destination = trip.Details.Destination;
        var where = string.Join(", ", new[] { destination.Name, destination.Street, destination.Municipality }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return new DocumentTrip($"{day}, {times}", where, DocumentLabels.Trip(trip.Status, lang));
    }

    private static string Score(AssessmentScore score, string lang)
    {
        var value = score.Value.ToString("0.##", DocumentLanguages.CultureOf(lang));
        return score.Band is { Length: > 0 } band ? $"{value} ({band})" : value;
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
