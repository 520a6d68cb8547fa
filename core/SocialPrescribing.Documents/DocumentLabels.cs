using System.Collections.Frozen;
using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Documents;

/// <summary>
/// The coded values of a journey in words, in English and French. Labels are lower case so that
/// they read well after a colon or inside a sentence.
/// </summary>
public static class DocumentLabels
{
    private static readonly FrozenDictionary<ReferralSource, (string En, string Fr)> Sources =
        new Dictionary<ReferralSource, (string En, string Fr)>
        {
            [ReferralSource.FamilyPhysician] = ("family physician", "médecin de famille"),
            [ReferralSource.NursePractitioner] = ("nurse practitioner", "infirmière praticienne ou infirmier praticien"),
            [ReferralSource.Pharmacist] = ("pharmacist", "pharmacienne ou pharmacien"),
            [ReferralSource.Paramedic] = ("paramedic", "paramédic"),
            [ReferralSource.HospitalDischarge] = ("hospital discharge", "congé de l'hôpital"),
            [ReferralSource.HomeCare] = ("home care", "soins à domicile"),
            [ReferralSource.Self] = ("self-referral", "autoréférence"),
            [ReferralSource.CommunityAgency] = ("community agency", "organisme communautaire"),
        }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, (string En, string Fr)> Reasons =
        new Dictionary<string, (string En, string Fr)>(StringComparer.Ordinal)
        {
            ["loneliness-and-isolation"] = ("loneliness and isolation", "solitude et isolement"),
            ["low-mood"] = ("low mood", "baisse de moral"),
            ["physical-activity"] = ("physical activity", "activité physique"),
            ["food-security"] = ("food security", "sécurité alimentaire"),
            ["housing"] = ("housing", "logement"),
            ["finances"] = ("finances", "finances"),
            ["caregiver-strain"] = ("caregiver strain", "épuisement de la personne proche aidante"),
            ["chronic-disease-self-management"] = ("chronic disease self-management", "autogestion d'une maladie chronique"),
            ["other"] = ("other", "autre"),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    // The French labels carry their noun (« demande », « participation ») so that they agree
    // whatever the gender of the program's name they sit beside.
    private static readonly FrozenDictionary<CommunityReferralStatus, (string En, string Fr)> Statuses =
        new Dictionary<CommunityReferralStatus, (string En, string Fr)>
        {
            [CommunityReferralStatus.Requested] = ("requested", "demande envoyée"),
            [CommunityReferralStatus.Accepted] = ("accepted", "demande acceptée"),
            [CommunityReferralStatus.Rejected] = ("not accepted", "demande non retenue"),
            [CommunityReferralStatus.InProgress] = ("in progress", "en cours"),
            [CommunityReferralStatus.OnHold] = ("on hold", "en pause"),
            [CommunityReferralStatus.Completed] = ("completed", "participation terminée"),
            [CommunityReferralStatus.Failed] = ("could not go ahead", "n’a pas pu avoir lieu"),
            [CommunityReferralStatus.Cancelled] = ("cancelled", "demande annulée"),
        }.ToFrozenDictionary();

    /// <summary>The referral source in words, like <c>family physician</c> or <c>médecin de famille</c>.</summary>
    /// <exception cref="UnsupportedDocumentLanguageException">The language is not supported.</exception>
    public static string Source(ReferralSource source, string lang) =>
        Pick(Sources.TryGetValue(source, out var label) ? label : Fallback(WireNames.Of(source)), lang);

    /// <summary>
    /// A reason for referral in words. A code missing from the table (one added to the domain
    /// later) shows as the code with its hyphens turned into spaces rather than failing the document.
    /// </summary>
    /// <exception cref="UnsupportedDocumentLanguageException">The language is not supported.</exception>
    public static string Reason(string code, string lang)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Pick(Reasons.TryGetValue(code, out var label) ? label : Fallback(code), lang);
    }

    /// <summary>A community referral's status in words, like <c>in progress</c> or <c>en cours</c>.</summary>
    /// <exception cref="UnsupportedDocumentLanguageException">The language is not supported.</exception>
    public static string Status(CommunityReferralStatus status, string lang) =>
        Pick(Statuses.TryGetValue(status, out var label) ? label : Fallback(WireNames.Of(status)), lang);

    /// <summary>True when a reason code has its own words rather than the fallback.</summary>
    public static bool HasReason(string code) => Reasons.ContainsKey(code);

    /// <summary>True when a referral source has its own words rather than the fallback.</summary>
    public static bool HasSource(ReferralSource source) => Sources.ContainsKey(source);

    /// <summary>True when a community referral status has its own words rather than the fallback.</summary>
    public static bool HasStatus(CommunityReferralStatus status) => Statuses.ContainsKey(status);

    private static (string En, string Fr) Fallback(string code)
    {
        var words = code.Replace('-', ' ');
        return (words, words);
    }

    private static string Pick((string En, string Fr) label, string lang) => lang switch
    {
        DocumentLanguages.English => label.En,
        DocumentLanguages.French => label.Fr,
        _ => throw new UnsupportedDocumentLanguageException(lang),
    };

    /// <summary>How a journey closed, in words.</summary>
    public static string Closure(JourneyStatus status, string lang) => Pick(status switch
    {
        JourneyStatus.Discharged => ("completed and discharged", "terminé (congé)"),
        JourneyStatus.Declined => ("declined by the person", "refusé par la personne"),
        JourneyStatus.UnableToContact => ("closed: the person could not be reached", "fermé : la personne n’a pas pu être jointe"),
        _ => Fallback(WireNames.Of(status)),
    }, lang);

    /// <summary>A trip's status, in words.</summary>
    public static string Trip(SocialPrescribing.Domain.Journeys.Transport.TransportTripStatus status, string lang) => Pick(status switch
    {
        SocialPrescribing.Domain.Journeys.Transport.TransportTripStatus.Confirmed => ("confirmed", "confirmé"),
        SocialPrescribing.Domain.Journeys.Transport.TransportTripStatus.Requested => ("requested, not yet confirmed", "demandé, pas encore confirmé"),
        _ => Fallback(WireNames.Of(status)),
    }, lang);

    /// <summary>An instrument's name as clinicians write it (<c>PHQ-9</c>), from its code.</summary>
    public static string Instrument(string code) => code switch
    {
        "phq9" => "PHQ-9",
        "gad7" => "GAD-7",
        "swemwbs" => "SWEMWBS",
        "wemwbs" => "WEMWBS",
        "ucla3" => "UCLA-3",
        "ons4" => "ONS4",
        _ => code.ToUpperInvariant(),
    };

    /// <summary>What a document says when the person's lock-box withholds part of the record from its author.</summary>
    public static string WithheldNotice(string lang) =>
        lang == "fr"
            ? "Certains renseignements de ce dossier sont retenus à la demande de la personne."
            : SocialPrescribing.Domain.Journeys.Privacy.Disclosure.Notice;
}
