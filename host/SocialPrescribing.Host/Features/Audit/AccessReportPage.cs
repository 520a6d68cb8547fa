using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;
using SocialPrescribing.Documents;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Host.Features.Audit;

/// <summary>
/// The access report as a page to print or hand to the person, in English or French: who dealt with the record,
/// what they did and when, in the tenant's time zone. Names, never internal ids, except for systems.
/// </summary>
internal static class AccessReportPage
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style =
        "body { font-family: system-ui, sans-serif; margin: 2rem; color: #111; } "
        + "table { border-collapse: collapse; width: 100%; } "
        + "th, td { border: 1px solid #999; padding: .3rem .5rem; text-align: left; vertical-align: top; } "
        + "th { background: #eee; } .refused { font-weight: bold; } @media print { body { margin: 0; } }";

    private sealed record Words(
        string Title,
        string Intro,
        string Period,
        string Always,
        string Who,
        string Role,
        string What,
        string Times,
        string FirstSeen,
        string LastSeen,
        string Refused,
        string Emergency,
        string None,
        string Truncated,
        string Generated,
        IReadOnlyDictionary<string, string> Categories,
        IReadOnlyDictionary<string, string> Actions,
        string Changed);

    private static readonly Words English = new(
        "Who dealt with this record",
        "Every time someone (or the system) viewed, printed or changed this person's record, as the audit log holds it.",
        "Period",
        "since the record began",
        "Who",
        "Role",
        "What",
        "Times",
        "First",
        "Last",
        "refused",
        "Emergency access; reason given",
        "No one has dealt with this record in this period.",
        "This record has more entries than one report holds; ask for a shorter period.",
        "Made",
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["journey"] = "the record",
            ["journey-history"] = "an earlier version of the record",
            ["caseload"] = "the record in a caseload list",
            ["assessment"] = "assessments",
            ["outcome"] = "wellbeing results",
            ["transport"] = "transport",
            ["document"] = "a document",
            ["safety-alert"] = "a safety alert",
            ["audit"] = "this access log",
        },
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["read"] = "viewed",
            ["list"] = "listed",
            ["print"] = "printed",
            ["process"] = "processed automatically",
            ["search"] = "searched",
            ["report"] = "reported on",
            ["export"] = "exported",
        },
        "changed");

    private static readonly Words French = new(
        "Qui a consulté ce dossier",
        "Chaque fois qu’une personne (ou le système) a consulté, imprimé ou modifié le dossier de cette personne, selon le journal d’audit.",
        "Période",
        "depuis l’ouverture du dossier",
        "Qui",
        "Rôle",
        "Quoi",
        "Fois",
        "Première",
        "Dernière",
        "refusé",
        "Accès d’urgence; motif donné",
        "Personne n’a consulté ce dossier pendant cette période.",
        "Ce dossier compte plus d’entrées qu’un rapport n’en contient; demandez une période plus courte.",
        "Produit le",
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["journey"] = "le dossier",
            ["journey-history"] = "une version antérieure du dossier",
            ["caseload"] = "le dossier dans une liste de suivi",
            ["assessment"] = "les évaluations",
            ["outcome"] = "les résultats de bien-être",
            ["transport"] = "le transport",
            ["document"] = "un document",
            ["safety-alert"] = "une alerte de sécurité",
            ["audit"] = "ce journal des accès",
        },
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["read"] = "a consulté",
            ["list"] = "a listé",
            ["print"] = "a imprimé",
            ["process"] = "a traité automatiquement",
            ["search"] = "a cherché dans",
            ["report"] = "a produit un rapport sur",
            ["export"] = "a exporté",
        },
        "a modifié");

    public static string Render(AccessReportResponse report, TenantSettings tenant, string language)
    {
        var words = language == DocumentLanguages.French ? French : English;
        var culture = DocumentLanguages.CultureOf(language);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="{language}">
            <head>
            <meta charset="utf-8">
            <title>{E(words.Title)}</title>
            <style>{Style}</style>
            </head>
            <body>
            <h1>{E(words.Title)}</h1>
            <p>{E(tenant.DisplayName)}</p>
            <p>{E(words.Intro)}</p>
            <p>{E(words.Period)}: {E(Period(report, tenant, culture, words))}</p>

            """);
        if (report.Accesses.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(words.None)}</p>\n");
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                <table>
                <thead><tr><th scope="col">{E(words.Who)}</th><th scope="col">{E(words.Role)}</th><th scope="col">{E(words.What)}</th><th scope="col">{E(words.Times)}</th><th scope="col">{E(words.FirstSeen)}</th><th scope="col">{E(words.LastSeen)}</th></tr></thead>
                <tbody>

                """);
            foreach (var line in report.Accesses)
            {
                var what = $"{Action(line.Action, words)} {Category(line.Category, words)}";
                var refused = line.Outcome == AuditEntry.Denied ? $" <span class=\"refused\">({E(words.Refused)})</span>" : string.Empty;
                var emergency = line.EmergencyReasons.Count == 0 ? string.Empty : $"<br>{E(words.Emergency)}: {E(string.Join("; ", line.EmergencyReasons))}";
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(line.Who)}</td><td>{E(line.Roles ?? string.Empty)}</td><td>{E(what)}{refused}{emergency}</td><td>{line.Times.ToString(culture)}</td><td>{E(Time(line.First, tenant, culture))}</td><td>{E(Time(line.Last, tenant, culture))}</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        if (report.Truncated)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(words.Truncated)}</p>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p>{E(words.Generated)}: {E(Time(report.GeneratedAt, tenant, culture))}</p>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Period(AccessReportResponse report, TenantSettings tenant, CultureInfo culture, Words words) =>
        (report.From, report.To) switch
        {
            (null, null) => words.Always,
            var (from, to) => $"{(from is { } f ? Time(f, tenant, culture) : "…")} – {(to is { } t ? Time(t, tenant, culture) : "…")}",
        };

    private static string Category(string category, Words words) => words.Categories.TryGetValue(category, out var text) ? text : category;

    /// <summary>A known action in words; any other is a command on the record (record-consent…), shown as a change.</summary>
    private static string Action(string action, Words words) => words.Actions.TryGetValue(action, out var text) ? text : $"{words.Changed} ({action})";

    private static string Time(DateTimeOffset at, TenantSettings tenant, CultureInfo culture) =>
        TimeZoneInfo.ConvertTime(at, tenant.TimeZone).ToString("yyyy-MM-dd HH:mm", culture) + " " + tenant.TimeZone.Id;

    /// <summary>Encoded for HTML, letting accented letters through as they are (the page is UTF-8).</summary>
    private static string E(string text) => Encoder.Encode(text);
}
