using System.Collections.Frozen;
using SocialPrescribing.Abstractions.Assessments;
using SocialPrescribing.Plugins;

namespace SocialPrescribing.Host.Features.Assessments;

/// <summary>
/// An instrument from a plugin, as the host holds it: its description read once at start-up through the bounded
/// invoker, responses checked against its items by the SDK's own rules before the plugin sees them, and scoring
/// the only call into plugin code at request time. Changes are judged from the plugin's declared score
/// definitions, with the SDK's rule, so outcome reports never wait on a plugin.
/// </summary>
internal sealed class PluginInstrument : IAssessmentInstrument
{
    private readonly PluginComponent<IAssessmentInstrument> _component;
    private readonly IPluginInvoker _invoker;

    private PluginInstrument(PluginComponent<IAssessmentInstrument> component, IPluginInvoker invoker, Description description)
    {
        _component = component;
        _invoker = invoker;
        (Id, Version, Title, Items, ScoreDefinitions, Licence) = description;
    }

    public string Id { get; }

    public string Version { get; }

    public string Title { get; }

    public IReadOnlyList<AssessmentItem> Items { get; }

    public IReadOnlyList<ScoreDefinition> ScoreDefinitions { get; }

    public InstrumentLicence Licence { get; }

    /// <summary>Reads the instrument's description through the invoker; a plugin that fails or describes itself badly is refused.</summary>
    /// <exception cref="PluginCallException">The plugin failed, hung or described an unusable instrument.</exception>
    public static async Task<PluginInstrument> LoadAsync(PluginComponent<IAssessmentInstrument> component, IPluginInvoker invoker, CancellationToken cancellationToken)
    {
        var description = await invoker.InvokeAsync(
            component,
            "describe",
            i => new Description(i.Id, i.Version, i.Title, [.. i.Items.Select(Snapshot)], [.. i.ScoreDefinitions], i.Licence),
            d => Problem(d, component.ComponentId),
            cancellationToken);
        return new PluginInstrument(component, invoker, description);
    }

    /// <summary>The item with copies of its translations: what the plugin's own dictionaries hold later changes nothing here.</summary>
    private static AssessmentItem Snapshot(AssessmentItem item) => item with
    {
        Translations = item.Translations?.ToFrozenDictionary(StringComparer.Ordinal),
        ResponseOptions = [.. item.ResponseOptions.Select(o => o with { Translations = o.Translations?.ToFrozenDictionary(StringComparer.Ordinal) })],
    };

    /// <summary>Scores through the invoker, after checking the responses with the SDK's rules.</summary>
    /// <exception cref="AssessmentValidationException">The responses do not fit the items.</exception>
    /// <exception cref="PluginCallException">The plugin failed, hung or returned an incomplete result.</exception>
    public Task<AssessmentResult> ScoreAsync(IReadOnlyList<int> responses, CancellationToken cancellationToken)
    {
        AssessmentValidationException.ThrowIfInvalid(Items, responses);
        return _invoker.InvokeAsync(_component, "score", i => i.Score(responses), r => ResultProblem(r), cancellationToken);
    }

    public AssessmentResult Score(IReadOnlyList<int> responses) => ScoreAsync(responses, CancellationToken.None).GetAwaiter().GetResult();

    public AssessmentComparison CompareChange(AssessmentResult baseline, AssessmentResult latest)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(latest);
        if (baseline.Instrument != Id || latest.Instrument != Id)
        {
            throw new ArgumentException($"Both results must come from '{Id}'.", nameof(latest));
        }

        return new AssessmentComparison
        {
            Instrument = Id,
            Changes = ScoreDefinitions
                .Where(d => d.MeaningfulChange is not null && baseline.Scores.ContainsKey(d.Name) && latest.Scores.ContainsKey(d.Name))
                .ToDictionary(d => d.Name, d => d.Compare(baseline.Scores[d.Name], latest.Scores[d.Name]), StringComparer.Ordinal),
        };
    }

    private string? ResultProblem(AssessmentResult? result) =>
        result is null || result.Scores is null || result.Bands is null || result.Flags is null
            ? "an incomplete result"
            : result.Instrument != Id
                ? $"a result of instrument '{result.Instrument}'"
                : result.Scores.Keys.FirstOrDefault(k => !ScoreDefinitions.Any(d => d.Name == k)) is { } unknown
                    ? $"a score '{unknown}' it does not define"
                    : null;

    private static string? Problem(Description d, string componentId) =>
        string.IsNullOrWhiteSpace(d.Id) || d.Id != componentId ? $"an instrument id '{d.Id}' that is not its component id '{componentId}'"
        : string.IsNullOrWhiteSpace(d.Version) || string.IsNullOrWhiteSpace(d.Title) ? "no version or title"
        : d.Items.Count == 0 || d.Items.Any(i => i is null || string.IsNullOrWhiteSpace(i.Key)) ? "no items, or an item without a key"
        : d.ScoreDefinitions.Count == 0 ? "no scores"
        : d.Licence is null ? "no licence"
        : null;

    private sealed record Description(
        string Id,
        string Version,
        string Title,
        IReadOnlyList<AssessmentItem> Items,
        IReadOnlyList<ScoreDefinition> ScoreDefinitions,
        InstrumentLicence Licence);
}
