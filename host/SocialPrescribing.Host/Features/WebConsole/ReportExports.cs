using System.Globalization;
using System.Text;
using SocialPrescribing.Documents.Reports;
using SocialPrescribing.Domain.Outcomes;
using SocialPrescribing.Host.Features.Reports;

namespace SocialPrescribing.Host.Features.WebConsole;

/// <summary>
/// The outcome report out of the console: the printable page the API renders, and its aggregate tables as CSV, each
/// with small numbers suppressed (1 to 4 written "&lt;5", nothing computed over fewer than 5 people).
/// </summary>
internal static class ReportExports
{
    public const string PrintPath = ConsoleFeature.BasePath + "/reports/outcomes";
    public const string CsvPath = ConsoleFeature.BasePath + "/reports/outcomes.csv";

    /// <summary>The period a page or export asks for: <c>from</c> (optional) and <c>to</c> (default today), never after today, not reversed.</summary>
    public static (DateOnly? From, DateOnly To) Period(string? from, string? to, DateOnly today)
    {
        static DateOnly? Parse(string? day) =>
            DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
        var last = Parse(to) is { } end && end <= today ? end : today;
        var first = Parse(from) is { } start && start <= last ? start : (DateOnly?)null;
        return (first, last);
    }

    public static async Task<IResult> PrintAsync(HttpContext http, string? from, string? to, string? lang, ConsolePage page, ProgramReports reports, ReportRenderer renderer)
    {
        var tenant = page.Tenant!;
        var (first, last) = Period(from, to, page.Today);
        var report = await reports.OutcomesAsync(tenant, first, last, http.RequestAborted);
        http.Response.Headers.ContentSecurityPolicy = ConsoleFeature.PrintablePolicy;
        return Results.Content(renderer.RenderOutcomes(report, lang is "fr" ? "fr" : "en", tenant.DisplayName, tenant.TimeZone), "text/html; charset=utf-8");
    }

    public static async Task<IResult> CsvAsync(HttpContext http, string? from, string? to, ConsolePage page, ProgramReports reports)
    {
        var tenant = page.Tenant!;
        var (first, last) = Period(from, to, page.Today);
        var report = await reports.OutcomesAsync(tenant, first, last, http.RequestAborted);
        await page.LoadNamesAsync(report.Connections?.ByLinkWorker.Select(w => w.LinkWorkerId) ?? []);
        var name = $"outcomes-{tenant.Id.Value}-{first?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "start"}-{last:yyyy-MM-dd}.csv";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        return Results.Text(Csv(report, page.NameOf), "text/csv; charset=utf-8", Encoding.UTF8);
    }

    /// <summary>One row per figure: table, group, measure, value.</summary>
    public static string Csv(ProgramOutcomeReport report, Func<string, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(nameOf);
        var csv = new StringBuilder("table,group,measure,value\r\n");
        void Row(string table, string group, string measure, string? value) =>
            csv.Append(Field(table)).Append(',').Append(Field(group)).Append(',').Append(Field(measure)).Append(',').Append(Field(value ?? string.Empty)).Append("\r\n");
        static string Share(decimal share) => share.ToString("0.####", CultureInfo.InvariantCulture);

        if (report.Connections is { } connections)
        {
            Row("connections", "all", "referred", SmallCells.Count(connections.Referred));
            Row("connections", "all", "connected", SmallCells.Count(connections.Connected));
            Row("connections", "all", "share-connected", SmallCells.CanDescribe(connections.Referred) ? Share(connections.ShareConnected) : null);
            foreach (var worker in connections.ByLinkWorker)
            {
                var who = worker.LinkWorkerId.Length == 0 ? "unassigned" : nameOf(worker.LinkWorkerId);
                Row("connections-by-link-worker", who, "referred", SmallCells.Count(worker.Referred));
                Row("connections-by-link-worker", who, "connected", SmallCells.Count(worker.Connected));
                Row("connections-by-link-worker", who, "share-connected", SmallCells.CanDescribe(worker.Referred) ? Share(worker.ShareConnected) : null);
            }
        }

        foreach (var instrument in report.Instruments.IsDefault ? [] : report.Instruments)
        {
            foreach (var score in instrument.Scores.IsDefault ? [] : instrument.Scores)
            {
                var group = $"{instrument.Instrument} {score.Score}";
                var described = SmallCells.CanDescribe(score.People);
                Row("outcomes", group, "people", SmallCells.Count(score.People));
                Row("outcomes", group, "mean-baseline", described ? score.MeanBaseline.ToString("0.##", CultureInfo.InvariantCulture) : null);
                Row("outcomes", group, "mean-follow-up", described ? score.MeanFollowUp.ToString("0.##", CultureInfo.InvariantCulture) : null);
                Row("outcomes", group, "mean-change", described ? score.MeanChange.ToString("0.##", CultureInfo.InvariantCulture) : null);
                Row("outcomes", group, "improved", described ? SmallCells.Count(score.Improved) : null);
                Row("outcomes", group, "share-improved", described ? Share(score.ShareImproved) : null);
            }
        }

        return csv.ToString();
    }

    /// <summary>A CSV field, quoted when it must be, and never read as a formula by a spreadsheet.</summary>
    private static string Field(string value)
    {
        var safe = value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
