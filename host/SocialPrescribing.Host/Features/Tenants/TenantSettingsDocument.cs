using System.Text.Json;
using System.Text.Json.Nodes;
using SocialPrescribing.Host.Tenants;

namespace SocialPrescribing.Host.Features.Tenants;

/// <summary>
/// A tenant's settings as the API and the database hold them: the keys of <c>Tenants:&lt;id&gt;</c> in configuration,
/// in camel case, every one optional with the same default: the plugins the tenant enables with their settings, and
/// the wording of its assessment instruments, included.
/// </summary>
public sealed class TenantSettingsDocument
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The program's name on documents. Required.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>IANA time zone business days are counted in. Default <c>America/Toronto</c>.</summary>
    public string TimeZone { get; set; } = "America/Toronto";

    /// <summary>Business days from acceptance to the first-contact deadline (1 to 60). Default 5.</summary>
    public int FirstContactSlaBusinessDays { get; set; } = 5;

    /// <summary>Business days a provider has to answer a community referral (1 to 60). Default 5.</summary>
    public int PartnerResponseBusinessDays { get; set; } = 5;

    /// <summary>When the tenant's directory feeds run: a five-field cron expression in the tenant's time zone.</summary>
    public string DirectoryFeedSchedule { get; set; } = Domain.Tenants.TenantSettings.DefaultDirectoryFeedSchedule;

    /// <summary>Failed attempts before a journey may close as unable to contact (1 to 20). Default 3.</summary>
    public int MinimumContactAttempts { get; set; } = 3;

    /// <summary>Years the audit log is kept (1 to 100). Default 10.</summary>
    public int AuditRetentionYears { get; set; } = Domain.Tenants.TenantSettings.DefaultAuditRetentionYears;

    /// <summary>Dates (yyyy-mm-dd) that are not business days.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>How referrers and clients reach the program, printed on documents.</summary>
    public string? ContactPoint { get; set; }

    /// <summary>The program's clinical supervisors: safety alerts go to them.</summary>
    public List<SupervisorOptions> Supervisors { get; set; } = [];

    /// <summary>Whether anyone may read the tenant's community directory without signing in. Default false.</summary>
    public bool PublicDirectory { get; set; }

    /// <summary>How community programs are ranked for a person.</summary>
    public MatchingOptions Matching { get; set; } = new();

    /// <summary>
    /// The plugins the tenant enables, by plugin id: <c>{"contoso-rides": {"enabled": true, "settings": {…}}}</c>. Each
    /// plugin checks its settings when the change is made; a setting it refuses, or a plugin that is not installed and
    /// loaded, refuses the whole change.
    /// </summary>
    public Dictionary<string, TenantPluginSettings> Plugins { get; set; } = [];

    /// <summary>The wording of the tenant's instruments: SWEMWBS under its own licence, and translations (<c>wordings.phq9.fr</c>).</summary>
    public AssessmentOptions Assessments { get; set; } = new();

    /// <summary>The document of a tenant configured under <c>Tenants:&lt;id&gt;</c> (its plugins from <paramref name="plugins"/>, that tenant's <c>Plugins</c> section).</summary>
    internal static TenantSettingsDocument From(TenantOptions options, IConfigurationSection plugins) => new()
    {
        Plugins = plugins.GetChildren().ToDictionary(
            p => p.Key,
            p => new TenantPluginSettings { Enabled = bool.TryParse(p["Enabled"], out var on) && on, Settings = ToJson(p.GetSection("Settings")) as JsonObject },
            StringComparer.Ordinal),
        DisplayName = options.DisplayName,
        TimeZone = options.TimeZone,
        FirstContactSlaBusinessDays = options.FirstContactSlaBusinessDays,
        PartnerResponseBusinessDays = options.PartnerResponseBusinessDays,
        DirectoryFeedSchedule = options.DirectoryFeedSchedule,
        MinimumContactAttempts = options.MinimumContactAttempts,
        AuditRetentionYears = options.AuditRetentionYears,
        Holidays = [.. options.Holidays],
        ContactPoint = options.ContactPoint,
        Supervisors = [.. options.Supervisors],
        PublicDirectory = options.PublicDirectory,
        Matching = options.Matching,
        Assessments = options.Assessments,
    };

    /// <summary>The plugins as configuration reads them (<c>&lt;pluginId&gt;:Enabled</c>, <c>:Settings:…</c>), for the plugin catalogue.</summary>
    internal IConfigurationSection PluginsSection()
    {
        var json = new JsonObject { [nameof(Plugins)] = JsonSerializer.SerializeToNode(Plugins, Json) };
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));
        return new ConfigurationBuilder().AddJsonStream(stream).Build().GetSection("Plugins");
    }

    /// <summary>The plugins part of the stored document, as text, to tell whether a change touched them.</summary>
    internal string PluginsJson() => JsonSerializer.Serialize(Plugins, Json);

    private static JsonNode? ToJson(IConfigurationSection section)
    {
        var children = section.GetChildren().ToList();
        if (children.Count == 0)
        {
            return section.Value is null ? null : JsonValue.Create(section.Value);
        }

        var node = new JsonObject();
        foreach (var child in children)
        {
            node[child.Key] = ToJson(child);
        }

        return node;
    }

    internal static TenantSettingsDocument Parse(string json) =>
        JsonSerializer.Deserialize<TenantSettingsDocument>(json, Json) ?? throw new JsonException("A tenant's settings document is null.");

    /// <summary>The same settings as configuration would bind them, for <see cref="TenantSettingsRules"/>.</summary>
    internal TenantOptions ToOptions() => new()
    {
        DisplayName = DisplayName,
        TimeZone = TimeZone,
        FirstContactSlaBusinessDays = FirstContactSlaBusinessDays,
        PartnerResponseBusinessDays = PartnerResponseBusinessDays,
        DirectoryFeedSchedule = DirectoryFeedSchedule,
        MinimumContactAttempts = MinimumContactAttempts,
        AuditRetentionYears = AuditRetentionYears,
        Holidays = [.. Holidays],
        ContactPoint = ContactPoint,
        Supervisors = [.. Supervisors],
        PublicDirectory = PublicDirectory,
        Matching = Matching ?? new MatchingOptions(),
        Assessments = Assessments ?? new AssessmentOptions(),
    };

    /// <summary>The document as stored: every key written, in a fixed order, so two equal documents are equal text.</summary>
    internal string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>What a secret plugin setting reads as in every answer and change record; sent back unchanged, it keeps the stored value.</summary>
    public const string Mask = "********";

    /// <summary>
    /// What differs from <paramref name="before"/> to <paramref name="after"/> (null: nothing before), key by key, as stored in a
    /// change; a secret plugin setting shows only that it was set or changed (<see cref="Mask"/>), never its value.
    /// </summary>
    internal static IReadOnlyList<TenantSettingsDifference> Differences(string? before, string after)
    {
        var old = Flatten(before is null ? null : JsonNode.Parse(before));
        var @new = Flatten(JsonNode.Parse(after));
        return
        [
            .. old.Keys.Union(@new.Keys).Order(StringComparer.Ordinal)
                .Select(key => new TenantSettingsDifference(key, old.GetValueOrDefault(key), @new.GetValueOrDefault(key)))
                .Where(d => d.From != d.To)
                .Select(d => IsSecretPath(d.Field) ? d with { From = d.From is null ? null : Mask, To = d.To is null ? null : Mask } : d),
        ];
    }

    /// <summary>The document as answered: every secret plugin setting (a key, secret, password, token or credential) replaced by <see cref="Mask"/>.</summary>
    internal TenantSettingsDocument Masked()
    {
        var copy = Parse(ToJson());
        foreach (var plugin in copy.Plugins.Values)
        {
            Walk(plugin.Settings, (parent, key, _) => parent[key] = Mask);
        }

        return copy;
    }

    /// <summary>Puts back, from <paramref name="stored"/>, every secret plugin setting this document sends as <see cref="Mask"/> (unchanged).</summary>
    internal void KeepSecretsFrom(TenantSettingsDocument? stored)
    {
        foreach (var (id, plugin) in Plugins)
        {
            var before = stored?.Plugins.GetValueOrDefault(id)?.Settings;
            Walk(plugin.Settings, (parent, key, value) =>
            {
                if (value is JsonValue text && text.TryGetValue<string>(out var sent) && sent == Mask)
                {
                    parent[key] = Find(before, parent, key)?.DeepClone();
                }
            });
        }
    }

    internal static bool IsSecretPath(string path)
    {
        var parts = path.Split('.');
        return parts.Length >= 4 && parts[0] == "plugins" && parts[2] == "settings" && IsSecret(parts[^1]);
    }

    private static bool IsSecret(string key)
    {
        var lower = key.ToLowerInvariant();
        return lower.EndsWith("key", StringComparison.Ordinal) || lower.Contains("secret", StringComparison.Ordinal) || lower.Contains("password", StringComparison.Ordinal)
            || lower.Contains("token", StringComparison.Ordinal) || lower.Contains("credential", StringComparison.Ordinal);
    }

    /// <summary>Calls <paramref name="secret"/> for every secret leaf under <paramref name="node"/>, with its parent object and key.</summary>
    private static void Walk(JsonObject? node, Action<JsonObject, string, JsonNode?> secret)
    {
        foreach (var (key, child) in node?.ToList() ?? [])
        {
            if (child is JsonObject inner)
            {
                Walk(inner, secret);
            }
            else if (IsSecret(key) && child is not null)
            {
                secret(node!, key, child);
            }
        }
    }

    /// <summary>The value at the same place as <paramref name="parent"/>[<paramref name="key"/>] in <paramref name="root"/>, or null.</summary>
    private static JsonNode? Find(JsonObject? root, JsonObject parent, string key)
    {
        var path = new Stack<string>();
        for (JsonNode? at = parent; at?.Parent is not null; at = at.Parent)
        {
            path.Push(at.GetPropertyName());
        }

        // The path starts below the plugin's settings object, which is the walk's root.
        JsonNode? found = root;
        foreach (var segment in path)
        {
            found = found is JsonObject obj ? obj[segment] : null;
        }

        return found is JsonObject holder ? holder[key] : null;
    }

    private static Dictionary<string, string?> Flatten(JsonNode? node)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        Walk(node, string.Empty);
        return values;

        void Walk(JsonNode? at, string path)
        {
            switch (at)
            {
                case JsonObject obj:
                    foreach (var (name, child) in obj)
                    {
                        Walk(child, path.Length == 0 ? name : $"{path}.{name}");
                    }

                    break;
                case JsonArray array:
                    // A list is one value: a holiday or a supervisor added shows the whole list before and after.
                    values[path] = array.ToJsonString(Json);
                    break;
                default:
                    values[path] = at?.ToJsonString(Json);
                    break;
            }
        }
    }
}

/// <summary>Whether a tenant enables a plugin, and the plugin's settings for it (as the plugin's documentation gives them).</summary>
public sealed class TenantPluginSettings
{
    public bool Enabled { get; set; }

    public JsonObject? Settings { get; set; }
}

/// <summary>One key a change of a tenant's settings changed: its value before (null when it had none) and after, as JSON.</summary>
public sealed record TenantSettingsDifference(string Field, string? From, string? To);
