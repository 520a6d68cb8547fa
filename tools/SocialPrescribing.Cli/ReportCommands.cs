using System.CommandLine;
using static SocialPrescribing.Cli.TenantCommands;

namespace SocialPrescribing.Cli;

/// <summary><c>spf reports export --tenant T --report outcomes|unmet-needs|activity</c>: a program's report as JSON or printable HTML.</summary>
internal static class ReportCommands
{
    private static readonly string[] Reports = ["outcomes", "unmet-needs", "activity"];

    public static Command Build(SpfContext context)
    {
        var reports = new Command("reports", "The programs' aggregate reports (supervisors and program managers).");
        var tenant = new Option<string>("--tenant") { Description = "Whose report.", Required = true };
        var report = new Option<string>("--report") { Description = "outcomes, unmet-needs or activity.", Required = true };
        report.AcceptOnlyFromAmong(Reports);
        var from = new Option<string?>("--from") { Description = "First day, yyyy-mm-dd, in the program's calendar." };
        var to = new Option<string?>("--to") { Description = "Last day, yyyy-mm-dd (default today)." };
        var html = new Option<bool>("--html") { Description = "The printable HTML (outcomes only) instead of JSON." };
        var output = new Option<string?>("--output", "-o") { Description = "File to write (default: standard output)." };
        var export = new Command("export", "Writes the report for the period.") { tenant, report, from, to, html, output };
        export.SetAction((parse, token) => context.WithHostAsync(parse, async (api, ct) =>
        {
            var query = new List<string>();
            if (parse.GetValue(from) is { } first)
            {
                query.Add("from=" + Uri.EscapeDataString(first));
            }

            if (parse.GetValue(to) is { } last)
            {
                query.Add("to=" + Uri.EscapeDataString(last));
            }

            if (parse.GetValue(html))
            {
                query.Add("format=html");
            }

            var path = $"/api/v1/tenants/{Escape(parse.GetValue(tenant))}/reports/{parse.GetValue(report)}" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
            using var response = await api.SendRawAsync(HttpMethod.Get, path, null, null, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file, text, ct);
                context.Console.Line($"The {parse.GetValue(report)} report of {parse.GetValue(tenant)} written to {file}.");
            }
            else
            {
                context.Console.Line(text);
            }

            return ExitCodes.Done;
        }, token));
        reports.Subcommands.Add(export);
        return reports;
    }
}
