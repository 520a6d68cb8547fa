using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialPrescribing.Cli;

/// <summary><c>spf tenants list|show|create|set|history</c>, through the host's tenants API.</summary>
internal static class TenantCommands
{
    private static readonly Argument<string> Id = new("tenant") { Description = "The tenant's id: 2 to 32 characters of a-z, 0-9 and '-'." };

    private static readonly Argument<string[]> Settings = new("key=value") { Description = "Settings to change: displayName=…, timeZone=America/Halifax, firstContactSlaBusinessDays=7, matching.interest=3, holidays=2027-01-01,2027-12-25 (JSON values are taken as JSON).", Arity = ArgumentArity.ZeroOrMore };

    private static readonly Option<string?> File = new("--file", "-f") { Description = "A JSON object of settings (the API's document, or part of it), applied before any key=value: objects are merged key by key, other values replaced." };

    public static Command Build(SpfContext context)
    {
        var tenants = new Command("tenants", "The tenants the deployment serves and their settings, changed while the hosts run (operators; tenant admins their own).");

        var list = new Command("list", "Every tenant, the version of its settings and who changed them last.");
        list.SetAction((parse, token) => context.WithHostAsync(parse, async (api, ct) =>
        {
            var body = await api.GetAsync("/api/v1/tenants", ct);
            if (parse.GetValue(Spf.Json))
            {
                context.Console.Json(body);
                return ExitCodes.Done;
            }

            context.Console.Table(["tenant", "name", "version", "source", "changed at", "changed by"], body!["tenants"]!.AsArray().Select(t => (IReadOnlyList<string?>)
            [
                Text(t!["id"]), Text(t["displayName"]), Text(t["version"]), Text(t["source"]), Text(t["changedAt"]), Text(t["changedBy"]),
            ]));
            return ExitCodes.Done;
        }, token));

        var show = new Command("show", "A tenant's settings, key by key.") { Id };
        show.SetAction((parse, token) => context.WithHostAsync(parse, async (api, ct) =>
        {
            var body = await api.GetAsync($"/api/v1/tenants/{Escape(parse.GetValue(Id))}/settings", ct);
            if (parse.GetValue(Spf.Json))
            {
                context.Console.Json(body);
                return ExitCodes.Done;
            }

            var rows = new List<IReadOnlyList<string?>>
            {
                new[] { "version", Text(body!["version"]) },
                new[] { "changed", $"{Text(body["changedAt"])} by {Text(body["changedBy"])} ({Text(body["source"])})" },
            };
            rows.AddRange(Flatten(body["settings"]!).Select(kv => (IReadOnlyList<string?>)[kv.Key, kv.Value]));
            context.Console.Table(["setting", "value"], rows);
            return ExitCodes.Done;
        }, token));

        var name = new Option<string>("--name") { Description = "The program's name on documents.", Required = true };
        var zone = new Option<string?>("--time-zone") { Description = "IANA time zone business days are counted in (default America/Toronto)." };
        var extra = new Argument<string[]>("key=value") { Description = "Other settings, as for `set`.", Arity = ArgumentArity.ZeroOrMore };
        var create = new Command("create", "Creates a tenant while the hosts run (operators).") { Id, name, zone, File, extra };
        create.SetAction((parse, token) => context.WithHostAsync(parse, async (api, ct) =>
        {
            var settings = new JsonObject();
            Merge(settings, await ReadFileAsync(parse.GetValue(File), ct));
            settings["displayName"] = parse.GetValue(name);
            if (parse.GetValue(zone) is { } timeZone)
            {
                settings["timeZone"] = timeZone;
            }

            Apply(settings, parse.GetValue(extra) ?? []);
            var body = await api.SendAsync(HttpMethod.Post, "/api/v1/tenants", JsonContent.Create(new JsonObject { ["id"] = parse.GetValue(Id), ["settings"] = settings }), null, ct);
            return Saved(context, parse, body, "created");
        }, token));

        var set = new Command("set", "Changes a tenant's settings from the version read; someone else's change in between is read again and kept.") { Id, File, Settings };
        set.SetAction((parse, token) => context.WithHostAsync(parse, async (api, ct) =>
        {
            var path = $"/api/v1/tenants/{Escape(parse.GetValue(Id))}/settings";
            var file = await ReadFileAsync(parse.GetValue(File), ct);
            if (file is null && (parse.GetValue(Settings) ?? []).Length == 0)
            {
                throw new SpfException("say what to change: key=value pairs, or --file with a JSON object.");
            }

            for (var attempt = 1; ; attempt++)
            {
                var current = await api.GetAsync(path, ct);
                var settings = current!["settings"]!.AsObject();
                Merge(settings, file);
                Apply(settings, parse.GetValue(Settings) ?? []);
                var version = current["version"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture);
                try
                {
                    var body = await api.SendAsync(HttpMethod.Put, path, JsonContent.Create(settings), h => h.IfMatch.ParseAdd($"\"{version}\""), ct);
                    return Saved(context, parse, body, "changed");
                }
                catch (SpfException ex) when (attempt < 3 && ex.Message.StartsWith("412", StringComparison.Ordinal))
                {
                    // Changed by someone else since it was read: apply these keys to what they left.
                }
            }
        }, token));

        var history = new Command("history", "Every change of a tenant's settings: who, when, from where and what changed.") { Id };
        history.SetAction((parse, token) => context.WithHostAsync(parse, async (api, ct) =>
        {
            var body = await api.GetAsync($"/api/v1/tenants/{Escape(parse.GetValue(Id))}/settings/changes", ct);
            if (parse.GetValue(Spf.Json))
            {
                context.Console.Json(body);
                return ExitCodes.Done;
            }

            context.Console.Table(["version", "changed at", "by", "source", "field", "from", "to"],
                body!["changes"]!.AsArray().SelectMany(c => c!["differences"]!.AsArray().Select(d => (IReadOnlyList<string?>)
                [
                    Text(c["version"]), Text(c["changedAt"]), Text(c["changedBy"]), Text(c["source"]), Text(d!["field"]), Text(d["from"]), Text(d["to"]),
                ])));
            return ExitCodes.Done;
        }, token));

        tenants.Subcommands.Add(list);
        tenants.Subcommands.Add(show);
        tenants.Subcommands.Add(create);
        tenants.Subcommands.Add(set);
        tenants.Subcommands.Add(history);
        return tenants;
    }

    /// <summary>The JSON object in <paramref name="path"/>, or null without one.</summary>
    private static async Task<JsonObject?> ReadFileAsync(string? path, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(await System.IO.File.ReadAllTextAsync(path, cancellationToken)) as JsonObject
                ?? throw new SpfException($"{path} does not hold a JSON object.");
        }
        catch (IOException ex)
        {
            throw new SpfException($"{path} cannot be read: {ex.Message}");
        }
        catch (JsonException ex)
        {
            throw new SpfException($"{path} is not JSON: {ex.Message}");
        }
    }

    /// <summary>Puts <paramref name="changes"/> over <paramref name="target"/>: objects merged key by key, any other value replaced.</summary>
    internal static void Merge(JsonObject target, JsonObject? changes)
    {
        foreach (var (key, value) in changes ?? [])
        {
            if (value is JsonObject inner && target[key] is JsonObject existing)
            {
                Merge(existing, inner);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    /// <summary>Sets each <c>key=value</c> (a dotted key reaches into an object) on <paramref name="settings"/>.</summary>
    internal static void Apply(JsonObject settings, IEnumerable<string> pairs)
    {
        foreach (var pair in pairs)
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
            {
                throw new SpfException($"'{pair}' is not key=value.");
            }

            var keys = pair[..at].Split('.');
            var target = settings;
            foreach (var key in keys[..^1])
            {
                target = target[key] as JsonObject ?? (JsonObject)(target[key] = new JsonObject());
            }

            var last = keys[^1];
            target[last] = Value(pair[(at + 1)..], target[last]);
        }
    }

    /// <summary>A value as JSON when it reads as JSON (numbers, true, false, null, lists); a list's items from commas when the setting is a list; otherwise text.</summary>
    private static JsonNode? Value(string text, JsonNode? current)
    {
        try
        {
            var parsed = JsonNode.Parse(text);
            if (current is not JsonArray || parsed is JsonArray)
            {
                return parsed;
            }
        }
        catch (JsonException)
        {
        }

        return current is JsonArray
            ? new JsonArray([.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(i => (JsonNode?)JsonValue.Create(i))])
            : JsonValue.Create(text);
    }

    private static int Saved(SpfContext context, ParseResult parse, JsonNode? body, string what)
    {
        if (parse.GetValue(Spf.Json))
        {
            context.Console.Json(body);
        }
        else
        {
            context.Console.Line($"Tenant {Text(body!["tenant"])} {what}: settings at version {Text(body["version"])}.");
        }

        return ExitCodes.Done;
    }

    internal static IEnumerable<KeyValuePair<string, string?>> Flatten(JsonNode node, string prefix = "")
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, child) in obj)
            {
                var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
                foreach (var leaf in child is JsonObject ? Flatten(child, path) : [new KeyValuePair<string, string?>(path, Text(child))])
                {
                    yield return leaf;
                }
            }
        }
    }

    internal static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };

    internal static string Escape(string? segment) => Uri.EscapeDataString(segment ?? string.Empty);
}
