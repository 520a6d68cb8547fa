using System.Text.Json;
using System.Text.RegularExpressions;
using SocialPrescribing.Abstractions.Plugins;

namespace SocialPrescribing.Plugins;

/// <summary>Reads and checks <c>plugin.json</c>, field by field, with a message that names the field at fault.</summary>
internal static partial class PluginManifestReader
{
    private const int MaxBytes = 64 * 1024;

    private static readonly string[] KnownFields = ["id", "version", "name", "description", "author", "kinds", "sdk", "assembly"];

    /// <summary>The manifest of the plugin in <paramref name="folder"/>, or why there is none.</summary>
    /// <param name="folder">The plugin's folder.</param>
    /// <param name="manifest">The manifest, when it is sound.</param>
    /// <param name="id">The id it declares, when it has a readable one, for listing a broken plugin.</param>
    /// <param name="error">What is wrong, when it is not sound.</param>
    public static bool TryRead(string folder, out PluginManifest? manifest, out string? id, out string? error)
    {
        manifest = null;
        id = null;
        var path = Path.Combine(folder, PluginManifest.FileName);
        if (!File.Exists(path))
        {
            error = $"the folder has no {PluginManifest.FileName}";
            return false;
        }

        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length > MaxBytes)
            {
                error = $"{PluginManifest.FileName} is larger than {MaxBytes / 1024} KiB";
                return false;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            error = $"{PluginManifest.FileName} could not be read: {e.Message}";
            return false;
        }
        catch (UnauthorizedAccessException e)
        {
            error = $"{PluginManifest.FileName} could not be read: {e.Message}";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
            });
            return TryRead(document.RootElement, out manifest, out id, out error);
        }
        catch (JsonException e)
        {
            error = $"{PluginManifest.FileName} is not valid JSON (line {(e.LineNumber ?? 0) + 1}): {FirstSentence(e.Message)}";
            return false;
        }
    }

    private static bool TryRead(JsonElement root, out PluginManifest? manifest, out string? id, out string? error)
    {
        manifest = null;
        id = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            error = $"{PluginManifest.FileName} must hold a JSON object";
            return false;
        }

        var problems = new List<string>();
        foreach (var property in root.EnumerateObject())
        {
            if (!KnownFields.Contains(property.Name, StringComparer.Ordinal))
            {
                problems.Add($"'{property.Name}' is not a manifest field (fields: {string.Join(", ", KnownFields)})");
            }
        }

        var declaredId = Text(root, "id", required: true, problems);
        if (declaredId is not null)
        {
            if (IdPattern().IsMatch(declaredId))
            {
                id = declaredId;
            }
            else
            {
                problems.Add($"'id' '{declaredId}' must be 1 to 64 characters of a-z, 0-9 and '-', starting and ending with a letter or digit");
            }
        }

        var version = Text(root, "version", required: true, problems);
        if (version is not null && !VersionPattern().IsMatch(version))
        {
            problems.Add($"'version' '{version}' is not a semantic version like 1.0.0");
        }

        var name = Text(root, "name", required: true, problems);
        var description = Text(root, "description", required: false, problems) ?? string.Empty;
        var author = Text(root, "author", required: false, problems) ?? string.Empty;
        var kinds = Kinds(root, problems);

        SdkVersionRange? sdk = null;
        var sdkText = Text(root, "sdk", required: true, problems);
        if (sdkText is not null && !SdkVersionRange.TryParse(sdkText, out sdk, out var sdkError))
        {
            problems.Add($"'sdk' {sdkError}");
        }

        var assembly = Text(root, "assembly", required: true, problems);
        if (assembly is not null
            && (assembly != Path.GetFileName(assembly) || assembly is "." or ".."
                || !assembly.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add($"'assembly' '{assembly}' must be the file name of a .dll in the plugin's folder, without a path");
        }

        if (problems.Count > 0)
        {
            error = $"{PluginManifest.FileName}: {string.Join("; ", problems)}";
            return false;
        }

        manifest = new PluginManifest
        {
            Id = declaredId!,
            Version = version!,
            Name = name!,
            Description = description,
            Author = author,
            Kinds = kinds!,
            Sdk = sdk!,
            Assembly = assembly!,
        };
        error = null;
        return true;
    }

    private static string? Text(JsonElement root, string field, bool required, List<string> problems)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                problems.Add($"'{field}' is required");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"'{field}' must be a string");
            return null;
        }

        var text = value.GetString()!.Trim();
        if (required && text.Length == 0)
        {
            problems.Add($"'{field}' must not be empty");
            return null;
        }

        return text;
    }

    private static List<string>? Kinds(JsonElement root, List<string> problems)
    {
        if (!root.TryGetProperty("kinds", out var value) || value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
        {
            problems.Add($"'kinds' must be a non-empty array of: {string.Join(", ", PluginKinds.All)}");
            return null;
        }

        var kinds = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            var kind = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (kind is null || PluginKinds.ContractOf(kind) is null)
            {
                problems.Add($"'kinds' has '{item}', which is not one of: {string.Join(", ", PluginKinds.All)}");
            }
            else if (kinds.Contains(kind))
            {
                problems.Add($"'kinds' lists '{kind}' twice");
            }
            else
            {
                kinds.Add(kind);
            }
        }

        return kinds;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    internal static partial Regex IdPattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
