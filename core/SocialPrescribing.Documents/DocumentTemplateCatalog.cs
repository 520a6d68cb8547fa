using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scriban;
using Scriban.Parsing;

namespace SocialPrescribing.Documents;

/// <summary>
/// The document templates, read and parsed once when the catalog is built and kept parsed for
/// every render after. Files are named <c>&lt;template&gt;.&lt;lang&gt;.html</c>, like
/// <c>plan-summary.fr.html</c>; other files in the folder are ignored.
/// </summary>
/// <remarks>
/// Every template must exist in every supported language, so a known template can always be
/// rendered in any of them.
/// </remarks>
public sealed partial class DocumentTemplateCatalog
{
    /// <summary>The extension of template files.</summary>
    public const string FileExtension = ".html";

    private readonly FrozenDictionary<string, FrozenDictionary<string, Template>> _templates;

    /// <summary>Reads and parses every template in <see cref="DocumentOptions.TemplateDirectory"/>.</summary>
    /// <exception cref="DocumentTemplateException">
    /// The folder is missing or empty, a file is misnamed or in an unsupported language, a template does
    /// not parse, or a template lacks a language. The message names each file, with line and column for
    /// parse errors.
    /// </exception>
    public DocumentTemplateCatalog(IOptions<DocumentOptions> options, ILogger<DocumentTemplateCatalog> logger)
        : this(
            (options ?? throw new ArgumentNullException(nameof(options))).Value.TemplateDirectory,
            $"{DocumentOptions.SectionName}:{nameof(DocumentOptions.TemplateDirectory)}",
            logger)
    {
    }

    /// <summary>Reads and parses every template in a folder of its own, like the reports'.</summary>
    /// <param name="templateDirectory">The folder; a relative path is taken from <see cref="AppContext.BaseDirectory"/>.</param>
    /// <param name="directorySetting">The setting that names the folder, quoted when the folder is missing.</param>
    /// <param name="logger">Where loading is logged.</param>
    internal DocumentTemplateCatalog(string templateDirectory, string directorySetting, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(templateDirectory);
        ArgumentNullException.ThrowIfNull(logger);
        TemplateDirectory = Path.GetFullPath(templateDirectory, AppContext.BaseDirectory);

        var errors = new List<string>();
        var parsed = Load(TemplateDirectory, directorySetting, errors);
        if (errors.Count > 0)
        {
            LogTemplatesRejected(logger, TemplateDirectory, errors.Count);
            throw new DocumentTemplateException(TemplateDirectory, errors);
        }

        _templates = parsed.ToFrozenDictionary(
            entry => entry.Key,
            entry => entry.Value.ToFrozenDictionary(StringComparer.Ordinal),
            StringComparer.Ordinal);
        Templates = [.. _templates.Keys.Order(StringComparer.Ordinal)];
        LogTemplatesLoaded(logger, Templates.Count, DocumentLanguages.All.Count, TemplateDirectory);
    }

    /// <summary>The full path of the folder the templates were read from.</summary>
    public string TemplateDirectory { get; }

    /// <summary>The names of the loaded templates, in order, like <c>plan-summary</c>.</summary>
    public IReadOnlyList<string> Templates { get; }

    /// <summary>The languages every template is available in.</summary>
    public IReadOnlyList<string> Languages { get; } = DocumentLanguages.All;

    /// <summary>True when a template of this name was loaded.</summary>
    public bool IsKnown(string? template) => template is not null && _templates.ContainsKey(template);

    internal Template Get(string template, string lang)
    {
        if (template is null || !_templates.TryGetValue(template, out var byLanguage))
        {
            throw new UnknownDocumentTemplateException(template);
        }

        return lang is not null && byLanguage.TryGetValue(lang, out var parsed)
            ? parsed
            : throw new UnsupportedDocumentLanguageException(lang);
    }

    private static Dictionary<string, Dictionary<string, Template>> Load(string directory, string directorySetting, List<string> errors)
    {
        var templates = new Dictionary<string, Dictionary<string, Template>>(StringComparer.Ordinal);

        // Every well-named file, parsed or not, so that a broken file is not also reported as missing.
        var found = new HashSet<(string Name, string Lang)>();
        if (!Directory.Exists(directory))
        {
            errors.Add($"{directory}: the template folder does not exist (set {directorySetting}).");
            return templates;
        }

        var files = Directory.EnumerateFiles(directory, "*" + FileExtension, SearchOption.TopDirectoryOnly)
            .Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var match = FileName().Match(Path.GetFileName(path));
            if (!match.Success)
            {
                errors.Add($"{path}: a template file is named <template>.<lang>{FileExtension}, with a lower-case kebab-case template name.");
                continue;
            }

            var lang = match.Groups["lang"].Value;
            if (!DocumentLanguages.IsSupported(lang))
            {
                errors.Add($"{path}: '{lang}' is not a supported language; use one of: {string.Join(", ", DocumentLanguages.All)}.");
                continue;
            }

            var name = match.Groups["name"].Value;
            found.Add((name, lang));
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add($"{path}: could not be read: {e.Message}");
                continue;
            }

            var template = Template.Parse(text, path);
            if (template.HasErrors)
            {
                errors.AddRange(template.Messages.Where(m => m.Type == ParserMessageType.Error).Select(Describe));
                continue;
            }

            if (!templates.TryGetValue(name, out var byLanguage))
            {
                templates[name] = byLanguage = new Dictionary<string, Template>(StringComparer.Ordinal);
            }

            byLanguage[lang] = template;
        }

        if (found.Count == 0 && errors.Count == 0)
        {
            errors.Add($"{directory}: the folder holds no <template>.<lang>{FileExtension} files.");
        }

        foreach (var name in found.Select(file => file.Name).Distinct().Order(StringComparer.Ordinal))
        {
            foreach (var missing in DocumentLanguages.All.Where(lang => !found.Contains((name, lang))))
            {
                errors.Add($"{Path.Combine(directory, $"{name}.{missing}{FileExtension}")}: missing; the template '{name}' must exist in every language.");
            }
        }

        return templates;
    }

    // Scriban counts lines and columns from zero; editors and people count from one.
    private static string Describe(LogMessage message) =>
        $"{message.Span.FileName}({message.Span.Start.Line + 1},{message.Span.Start.Column + 1}): "
        + $"{message.Type.ToString().ToLowerInvariant()}: {message.Message}";

    [GeneratedRegex(@"^(?<name>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?<lang>[a-z]{2})\.html$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
