using System.CommandLine;
using System.Text.Json.Nodes;
using SocialPrescribing.Plugins;
using static SocialPrescribing.Cli.TenantCommands;

namespace SocialPrescribing.Cli;

/// <summary><c>spf plugins list</c> (what a host found and loaded) and <c>spf plugins validate &lt;folder&gt;</c> (a plugin checked before it is installed).</summary>
internal static class PluginCommands
{
    public static Command Build(SpfContext context)
    {
        var plugins = new Command("plugins", "Plugins: what a host has loaded, and a plugin folder checked before it is installed.");

        var list = new Command("list", "Every plugin in the host's plugins folder: version, status, why one is not loaded, and the tenants that enable it.");
        list.SetAction((parse, token) => context.WithHostAsync(parse, async (api, ct) =>
        {
            var body = await api.GetAsync("/api/v1/plugins", ct);
            if (parse.GetValue(Spf.Json))
            {
                context.Console.Json(body);
                return ExitCodes.Done;
            }

            context.Console.Table(["plugin", "version", "status", "kinds", "tenants", "reason"], body!["plugins"]!.AsArray().Select(p => (IReadOnlyList<string?>)
            [
                Text(p!["id"]), Text(p["version"]), Text(p["status"]), string.Join(",", p["kinds"]!.AsArray().Select(Text)),
                string.Join(",", p["enabledFor"]?.AsArray().Select(Text) ?? []), Text(p["reason"]),
            ]));
            return ExitCodes.Done;
        }, token));

        var folder = new Argument<string>("folder") { Description = "The plugin's folder: plugin.json, its assembly and dependencies." };
        var validate = new Command("validate", "Checks a plugin folder as the host would load it: manifest, SDK range, assembly and its dependencies, entry type, registration. Exit 0 when it would load, 2 when not.") { folder };
        validate.SetAction(parse =>
        {
            var report = PluginFolderCheck.Check(Path.GetFullPath(parse.GetValue(folder)!));
            var loads = report.Status == PluginStatus.Loaded;
            if (parse.GetValue(Spf.Json))
            {
                context.Console.Json(new JsonObject
                {
                    ["loads"] = loads,
                    ["status"] = PluginStatusNames.Of(report.Status),
                    ["reason"] = report.Reason,
                    ["id"] = report.Manifest?.Id,
                    ["version"] = report.Manifest?.Version,
                    ["sdk"] = report.Manifest?.Sdk.Text,
                    ["components"] = new JsonArray([.. report.Components.Select(c => (JsonNode?)new JsonObject { ["kind"] = c.Kind, ["id"] = c.Id })]),
                    ["warnings"] = new JsonArray([.. report.Warnings.Select(w => (JsonNode?)JsonValue.Create(w))]),
                });
            }
            else
            {
                context.Console.Line(loads
                    ? $"{report.Manifest!.Id} {report.Manifest.Version} (SDK {report.Manifest.Sdk.Text}) would load, with {report.Components.Count} component(s)."
                    : $"The plugin would not load ({PluginStatusNames.Of(report.Status)}): {report.Reason}.");
                if (report.Components.Count > 0)
                {
                    context.Console.Table(["kind", "component"], report.Components.Select(c => (IReadOnlyList<string?>)[c.Kind, c.Id]));
                }

                foreach (var warning in report.Warnings)
                {
                    context.Console.Line("warning: " + warning);
                }
            }

            return loads ? ExitCodes.Done : ExitCodes.Findings;
        });

        plugins.Subcommands.Add(list);
        plugins.Subcommands.Add(validate);
        return plugins;
    }
}
