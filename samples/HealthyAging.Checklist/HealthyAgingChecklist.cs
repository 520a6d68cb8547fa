using SocialPrescribing.Abstractions.Assessments;

namespace HealthyAging.Checklist;

/// <summary>
/// A healthy-aging checklist of the kind a provincial program gives people over 65 at the "what matters"
/// conversation and again at the outcome review: ten items about the past month, each 0 (not at all) to
/// 2 (often), where a higher score means more need.
/// </summary>
/// <remarks>
/// <para>
/// Scores: <c>total</c> (0–20) banded <c>low</c> 0–4, <c>moderate</c> 5–9, <c>high</c> 10–20, and three unbanded
/// subscales, <c>social</c> (0–6), <c>active</c> (0–8) and <c>mood</c> (0–6). Lower is better for all of them.
/// A change of 3 or more in the total is meaningful, and of 2 or more in <c>social</c>, since loneliness is what
/// many referrals are about; <c>active</c> and <c>mood</c> are judged through the total.
/// </para>
/// <para>
/// Flags, whatever the total: <see cref="HealthyAgingFlags.FallsRisk"/>, <see cref="HealthyAgingFlags.FoodInsecurity"/>
/// and, from the optional last item, <see cref="HealthyAgingFlags.TransportBarrier"/>.
/// </para>
/// <para>A sample written for the framework, not a validated instrument; its wording is free to show.</para>
/// </remarks>
[AssessmentInstrument(InstrumentId, InstrumentVersion, InstrumentTitle)]
public sealed class HealthyAgingChecklist : IAssessmentInstrument
{
    public const string InstrumentId = "healthy-aging";
    public const string InstrumentVersion = "1.0";
    public const string InstrumentTitle = "Healthy Aging Checklist";

    public const string Total = "total";

    public string Id => InstrumentId;

    public string Version => InstrumentVersion;

    public string Title => InstrumentTitle;

    public IReadOnlyList<AssessmentItem> Items { get; } = [.. ChecklistItems.All.Select(i => i.Item)];

    public IReadOnlyList<ScoreDefinition> ScoreDefinitions { get; } =
    [
        new ScoreDefinition
        {
            Name = Total,
            Minimum = 0,
            Maximum = 20,
            Polarity = ScorePolarity.LowerIsBetter,
            MeaningfulChange = 3,
            Bands = [new ScoreBand("low", 0, 4), new ScoreBand("moderate", 5, 9), new ScoreBand("high", 10, 20)],
        },
        Subscale(ChecklistItems.Social, meaningfulChange: 2),
        Subscale(ChecklistItems.Active, meaningfulChange: null),
        Subscale(ChecklistItems.Mood, meaningfulChange: null),
    ];

    public InstrumentLicence Licence { get; } = new()
    {
        ItemTextUse = ItemTextUse.FreeToShow,
        ItemTextIncluded = true,
        Notice = "Healthy Aging Checklist, sample version 1.0, written for the Social Prescribing Framework. "
            + "Free to reproduce with this notice. Not a validated instrument.",
    };

    public AssessmentResult Score(IReadOnlyList<int> responses)
    {
        AssessmentValidationException.ThrowIfInvalid(Items, responses);

        var scores = new Dictionary<string, decimal>(StringComparer.Ordinal) { [Total] = 0 };
        var flags = new List<string>();
        for (var i = 0; i < responses.Count; i++)
        {
            var (item, subscale) = ChecklistItems.All[i];
            var value = responses[i];
            if (subscale is not null)
            {
                scores[Total] += value;
                scores[subscale] = scores.GetValueOrDefault(subscale) + value;
            }

            var flag = item.Key switch
            {
                ChecklistItems.Falls when value > 0 => HealthyAgingFlags.FallsRisk,
                ChecklistItems.SkippedMeals when value > 0 => HealthyAgingFlags.FoodInsecurity,
                ChecklistItems.WantsTransportHelp when value > 0 => HealthyAgingFlags.TransportBarrier,
                _ => null,
            };
            if (flag is not null)
            {
                flags.Add(flag);
            }
        }

        var bands = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in ScoreDefinitions)
        {
            if (definition.BandFor(scores[definition.Name]) is { } band)
            {
                bands[definition.Name] = band;
            }
        }

        return new AssessmentResult { Instrument = Id, Version = Version, Scores = scores, Bands = bands, Flags = flags };
    }

    public AssessmentComparison CompareChange(AssessmentResult baseline, AssessmentResult latest)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(latest);
        if (baseline.Instrument != Id || latest.Instrument != Id)
        {
            throw new ArgumentException($"Both results must come from '{Id}'.", nameof(latest));
        }

        var changes = new Dictionary<string, ScoreChange>(StringComparer.Ordinal);
        foreach (var definition in ScoreDefinitions.Where(d => d.MeaningfulChange is not null))
        {
            if (baseline.Scores.TryGetValue(definition.Name, out var before) && latest.Scores.TryGetValue(definition.Name, out var after))
            {
                changes[definition.Name] = definition.Compare(before, after);
            }
        }

        return new AssessmentComparison { Instrument = Id, Changes = changes };
    }

    private static ScoreDefinition Subscale(string name, decimal? meaningfulChange) => new()
    {
        Name = name,
        Minimum = 0,
        Maximum = 2 * ChecklistItems.All.Count(i => i.Subscale == name),
        Polarity = ScorePolarity.LowerIsBetter,
        MeaningfulChange = meaningfulChange,
        Bands = [],
    };
}
