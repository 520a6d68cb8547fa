using System.CommandLine;
using static SocialPrescribing.Cli.TenantCommands;

namespace SocialPrescribing.Cli;

/// <summary><c>spf audit verify|export --tenant T</c>: the tenant's audit log checked end to end, or exported as FHIR AuditEvents (privacy officers).</summary>
internal static class AuditCommands
{
    public static Command Build(SpfContext context)
    {
        var audit = new Command("audit", "A tenant's audit log of every access to a person's record (privacy officers).");
        var tenant = new Option<string>("--tenant") { Description = "Whose audit log.", Required = true };

        var verify = new Command("verify", "Walks the log's hash chain: exit 0 when intact, 2 with where it breaks (changed, removed, reordered).") { tenant };
        verify.SetAction((parse, token) => context.WithHostAsync(parse, async (api, ct) =>
        {
            var body = await api.GetAsync($"/api/v1/tenants/{Escape(parse.GetValue(tenant))}/audit/verification", ct);
            var intact = body!["intact"]!.GetValue<bool>();
            if (parse.GetValue(Spf.Json))
            {
                context.Console.Json(body);
            }
            else
            {
                context.Console.Line(intact
                    ? $"The audit log of {Text(body["tenant"])} is intact: {Text(body["entries"])} entries."
                    : $"The audit log of {Text(body["tenant"])} breaks at entry {Text(body["brokenAt"])} ({Text(body["break"])}): {Text(body["detail"])}");
            }

            return intact ? ExitCodes.Done : ExitCodes.Findings;
        }, token));

        var from = new Option<string?>("--from") { Description = "First moment (inclusive), ISO 8601." };
        var to = new Option<string?>("--to") { Description = "Last moment (exclusive), ISO 8601." };
        var output = new Option<string?>("--output", "-o") { Description = "File to write (default: standard output)." };
        var export = new Command("export", "Every entry as a FHIR R4 AuditEvent, one JSON object per line (NDJSON), following the export's pages.") { tenant, from, to, output };
        export.SetAction((parse, token) => context.WithHostAsync(parse, async (api, ct) =>
        {
            var query = string.Join('&', new[] { ("from", parse.GetValue(from)), ("to", parse.GetValue(to)) }
                .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
            var next = $"/api/v1/tenants/{Escape(parse.GetValue(tenant))}/audit/fhir" + (query.Length > 0 ? "?" + query : string.Empty);
            var written = 0L;
            await using var file = parse.GetValue(output) is { } path ? File.CreateText(path) : null;
            var writer = file ?? context.Console.Out;
            while (next is not null)
            {
                var bundle = await api.GetAsync(next, ct);
                foreach (var entry in bundle!["entry"]?.AsArray() ?? [])
                {
                    await writer.WriteLineAsync(entry!["resource"]!.ToJsonString());
                    written++;
                }

                next = bundle["link"]?.AsArray().FirstOrDefault(l => Text(l!["relation"]) == "next")?["url"] is { } url ? PathOf(Text(url)!) : null;
            }

            if (file is not null)
            {
                context.Console.Line($"{written} audit events written to {parse.GetValue(output)}.");
            }

            return ExitCodes.Done;
        }, token));

        audit.Subcommands.Add(verify);
        audit.Subcommands.Add(export);
        return audit;
    }

    /// <summary>The path and query of a link the host gave (absolute or not), to follow on the same host.</summary>
    private static string PathOf(string link) => Uri.TryCreate(link, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : link;
}
