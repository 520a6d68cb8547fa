using System.Collections.Frozen;
using System.Globalization;
using SocialPrescribing.Application.CommunityDirectory.Partners;
using SocialPrescribing.CommunityDirectory.Services;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Application.CommunityDirectory.Matching;

/// <summary>
/// Ranks community programs for a person, deterministically and in the open: each factor that applies to the person
/// scores the program from 0 to 1 with a reason, and the program's score is the mean of those scores weighted by the
/// tenant's weights (<see cref="MatchingSettings"/>), from 0 to 100. A factor that does not apply (no cost barrier, no
/// free times recorded, a weight of 0) does not count for or against anyone. Ties go to the nearer program, then by
/// name, then by id.
/// </summary>
public static class ProgramMatcher
{
    public const string Interest = "interest";
    public const string Distance = "distance";
    public const string Language = "language";
    public const string Cost = "cost";
    public const string Schedule = "schedule";
    public const string Accessibility = "accessibility";
    public const string Transport = "transport";
    public const string DigitalAccess = "digital-access";
    public const string Responsiveness = "responsiveness";
    public const string Capacity = "capacity";

    /// <summary>Three-letter language codes (ISO 639-2/3) that have a two-letter one, for comparing languages written either way.</summary>
    private static readonly FrozenDictionary<string, string> TwoLetter = new Dictionary<string, string>
    {
        ["eng"] = "en", ["fra"] = "fr", ["fre"] = "fr", ["spa"] = "es", ["deu"] = "de", ["ger"] = "de", ["ita"] = "it", ["por"] = "pt",
        ["zho"] = "zh", ["chi"] = "zh", ["ara"] = "ar", ["urd"] = "ur", ["pan"] = "pa", ["hin"] = "hi", ["tgl"] = "tl", ["vie"] = "vi",
        ["kor"] = "ko", ["jpn"] = "ja", ["rus"] = "ru", ["ukr"] = "uk", ["pol"] = "pl", ["fas"] = "fa", ["per"] = "fa", ["som"] = "so",
        ["cre"] = "cr", ["iku"] = "iu", ["oji"] = "oj", ["tur"] = "tr", ["ben"] = "bn", ["tam"] = "ta", ["guj"] = "gu",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The programs ranked for <paramref name="person"/>, best first, at most <paramref name="limit"/>.</summary>
    /// <remarks>
    /// <paramref name="providers"/> are the providers' answering figures by organization; one that has answered at
    /// least <see cref="ProviderResponse.MinimumAnswered"/> referrals is judged by its acceptance rate and its median
    /// time to answer against <paramref name="answerDays"/>, the tenant's deadline in business days.
    /// </remarks>
    public static IReadOnlyList<ProgramMatch> Rank(
        MatchProfile person,
        IEnumerable<(DirectoryServiceRecord Service, DirectoryServiceFacts Facts)> candidates,
        MatchingSettings weights,
        int limit,
        IReadOnlyDictionary<Guid, ProviderResponse>? providers = null,
        int answerDays = 5)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(weights);
        var terms = person.Interests.Concat(person.WhatMatters)
            .Select(t => (Term: t, Stems: MatchWords.Stems(t)))
            .Where(t => t.Stems.Count > 0)
            .ToList();
        return [.. candidates
            .Where(c => InServiceArea(person, c.Facts))
            .Select(c => Score(person, terms, c.Service, c.Facts, weights, c.Service.OrganizationId is { } o && providers?.GetValueOrDefault(o) is { } p ? p : null, answerDays))
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.DistanceMeters ?? double.MaxValue)
            .ThenBy(m => m.Name, StringComparer.Ordinal)
            .ThenBy(m => m.ServiceId)
            .Take(limit)];
    }

    private static ProgramMatch Score(
        MatchProfile person,
        List<(string Term, IReadOnlyList<string> Stems)> terms,
        DirectoryServiceRecord service,
        DirectoryServiceFacts facts,
        MatchingSettings weights,
        ProviderResponse? provider,
        int answerDays)
    {
        var factors = new List<MatchFactor>();
        void Add(string factor, double weight, double score, string why)
        {
            if (weight > 0)
            {
                factors.Add(new MatchFactor(factor, Math.Round(score, 3), weight, why));
            }
        }

        var nearest = person.Origin is { } origin
            ? facts.Places
                .Where(p => p.Latitude is not null && p.Longitude is not null)
                .Select(p => (Place: p, Meters: DirectoryArea.DistanceMeters(origin.Latitude, origin.Longitude, p.Latitude!.Value, p.Longitude!.Value)))
                .OrderBy(p => p.Meters)
                .Cast<(DirectoryPlace Place, double Meters)?>()
                .FirstOrDefault()
            : null;

        if (terms.Count > 0)
        {
            var words = DirectorySearchText.Fold(service.SearchText).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            var found = terms.Where(t => MatchWords.AllFound(t.Stems, words)).Select(t => t.Term).ToList();
            Add(Interest, weights.Interest, 1 - Math.Pow(0.5, found.Count), found.Count > 0
                ? $"Matches {List(found)}."
                : $"Matches none of {List(terms.Select(t => t.Term))}.");
        }

        if (person.Origin is { } from)
        {
            var max = person.MaxTravelMeters;
            if (facts.OnlineOnly)
            {
                Add(Distance, weights.Distance, 1, "Online: no travel.");
            }
            else if (nearest is { } near)
            {
                Add(Distance, weights.Distance, Math.Max(0, 1 - (near.Meters / max)), near.Meters <= max
                    ? $"{Km(near.Meters)} from {from.Source} (they travel up to {Km(max)})."
                    : $"{Km(near.Meters)} from {from.Source}, farther than the {Km(max)} they travel.");
            }
            else
            {
                Add(Distance, weights.Distance, 0.5, "No place with coordinates: the distance is not known.");
            }
        }

        if (person.Languages.Count > 0)
        {
            var offered = facts.Languages.Select(Code).Distinct(StringComparer.Ordinal).ToList();
            var spoken = person.Languages.Select(Code).ToHashSet(StringComparer.Ordinal);
            var weight = weights.Language * (person.Has(AccessBarrier.Language) ? 2 : 1);
            if (offered.Count == 0)
            {
                Add(Language, weight, 0.5, "Its languages are not listed.");
            }
            else if (offered.Where(spoken.Contains).ToList() is { Count: > 0 } shared)
            {
                Add(Language, weight, 1, $"Offered in {string.Join(", ", shared)}.");
            }
            else
            {
                Add(Language, weight, 0, $"Offered in {string.Join(", ", offered)}; not in {string.Join(", ", spoken.Order(StringComparer.Ordinal))}.");
            }
        }

        if (person.Has(AccessBarrier.Cost))
        {
            (double Score, string Why) cost = facts.Cost switch
            {
                ServiceCost.Free => (1, "Free."),
                ServiceCost.Paid => (0, "Has a fee."),
                _ => (0.5, "Its cost is not listed."),
            };
            Add(Cost, weights.Cost, cost.Score, cost.Why);
        }

        if (person.Availability.Count > 0)
        {
            var fits = facts.Openings.Where(o => person.Availability.Any(w => Overlaps(w, o))).ToList();
            if (facts.Openings.Count == 0)
            {
                Add(Schedule, weights.Schedule, 0.5, "No schedule is listed.");
            }
            else if (fits.Count > 0)
            {
                Add(Schedule, weights.Schedule, 1, $"Meets {Times(fits)}, when they are free.");
            }
            else
            {
                Add(Schedule, weights.Schedule, 0, $"Meets {Times(facts.Openings)}, outside the times they are free.");
            }
        }

        if (person.Has(AccessBarrier.Mobility))
        {
            if (facts.OnlineOnly)
            {
                Add(Accessibility, weights.Accessibility, 1, "Online: no place to reach.");
            }
            else if (facts.Places.Any(p => p.DescribesAccessibility))
            {
                Add(Accessibility, weights.Accessibility, 1, "Its place describes its accessibility.");
            }
            else
            {
                Add(Accessibility, weights.Accessibility, 0.25, "Its places say nothing of accessibility.");
            }
        }

        if (person.Has(AccessBarrier.Transport))
        {
            if (facts.OnlineOnly)
            {
                Add(Transport, weights.Transport, 1, "Online: no trip needed.");
            }
            else if (person.TransportPartners.Count > 0)
            {
                Add(Transport, weights.Transport, 1, $"A trip can be booked with {string.Join(" or ", person.TransportPartners)}.");
            }
            else if (nearest is { } walk && walk.Meters <= person.MaxTravelMeters && walk.Meters <= weights.WalkingMeters)
            {
                Add(Transport, weights.Transport, 1, $"Within walking distance ({Km(walk.Meters)}).");
            }
            else
            {
                Add(Transport, weights.Transport, nearest is null ? 0.25 : 0, nearest is { } far
                    ? $"No transport partner is enabled, and it is {Km(far.Meters)} away."
                    : "No transport partner is enabled, and its distance is not known.");
            }
        }

        if (person.Has(AccessBarrier.DigitalAccess))
        {
            Add(DigitalAccess, weights.DigitalAccess, facts.OnlineOnly ? 0 : 1, facts.OnlineOnly ? "Online only." : "Meets in person.");
        }

        if (facts.Intake is { } intake)
        {
            (double Score, string Why) capacity = intake switch
            {
                { Accepting: false } => (0, "Not taking referrals now."),
                { AvailablePlaces: > 0 and var free, MaximumPlaces: var of } => (1, of is { } places ? $"{free} of {places} places free." : $"{free} places free."),
                { AvailablePlaces: 0, Waitlist: true } => (0.4, "Full; keeps a waitlist."),
                { AvailablePlaces: 0 } => (0.1, "Full, with no waitlist."),
                { Waitlist: true } => (0.6, "Takes referrals onto a waitlist."),
                _ => (1, "Taking referrals."),
            };
            Add(Capacity, weights.Capacity, capacity.Score, capacity.Why);
        }

        if (provider is { Answered: >= ProviderResponse.MinimumAnswered, MedianResponseHours: { } hours, AcceptanceRate: { } rate })
        {
            // Answering within a day is as good as it gets; at the tenant's deadline (business days, about 7/5 of them
            // in calendar time) or later, speed counts for nothing.
            var deadline = answerDays * 24 * 7 / 5.0;
            var speed = Math.Clamp(1 - ((hours - 24) / Math.Max(1, deadline - 24)), 0, 1);
            Add(Responsiveness, weights.Responsiveness, (rate + speed) / 2,
                $"Its provider answers referrals in a median of {Days(hours)} and takes {rate:P0} of those it answers ({provider.Answered} answered).");
        }

        var total = factors.Sum(f => f.Weight);
        var score = total == 0 ? 0 : Math.Round(100 * factors.Sum(f => f.Weight * f.Score) / total, 1);
        var shown = nearest?.Place ?? (facts.Places.Count > 0 ? facts.Places[0] : null);
        return new ProgramMatch(
            service.Id,
            service.Name,
            facts.OrganizationName,
            shown?.ServiceAtLocationId,
            shown is null ? null : shown.Name ?? shown.City,
            nearest is { } n ? Math.Round(n.Meters) : null,
            score,
            factors);
    }

    /// <summary>
    /// The service-area hard filter: a service that names areas a match can judge takes the person only when one of
    /// them holds where they start from (a polygon) or their postal code (a list of codes); areas that cannot be judged
    /// for this person (no known start, no postal code) do not exclude them.
    /// </summary>
    public static bool InServiceArea(MatchProfile person, DirectoryServiceFacts facts)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(facts);
        var judged = false;
        foreach (var area in facts.Areas)
        {
            if (area.Polygons.Count > 0 && person.Origin is { } origin)
            {
                judged = true;
                if (area.Contains(origin.Latitude, origin.Longitude))
                {
                    return true;
                }
            }

            if (area.PostalPrefixes.Count > 0 && person.PostalCode is { Length: > 0 } code)
            {
                judged = true;
                if (area.Covers(code))
                {
                    return true;
                }
            }
        }

        return !judged;
    }

    private static string Days(double hours) =>
        hours < 24 ? $"{Math.Round(hours, 1).ToString(CultureInfo.InvariantCulture)} hours" : $"{Math.Round(hours / 24, 1).ToString(CultureInfo.InvariantCulture)} days";

    private static bool Overlaps(AvailabilityWindow free, DirectoryOpening opening) =>
        (int)free.Day == ((int)opening.Day + 6) % 7 && free.From < opening.Closes && opening.Opens < free.To;

    private static string Code(string language) =>
        TwoLetter.TryGetValue(language.ToLowerInvariant(), out var two) ? two : language.ToLowerInvariant();

    private static string Km(double meters) => (meters / 1000).ToString(meters < 10_000 ? "0.0" : "0", CultureInfo.InvariantCulture) + " km";

    private static string List(IEnumerable<string> items) => string.Join("; ", items.Select(i => $"“{i}”"));

    private static string Times(IEnumerable<DirectoryOpening> openings) =>
        string.Join(", ", openings.Take(3).Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Day} {o.Opens:HH\\:mm}–{o.Closes:HH\\:mm}")));
}
