using SocialPrescribing.Abstractions.Assessments;

namespace SocialPrescribing.Assessments;

/// <summary>
/// The Short Warwick-Edinburgh Mental Wellbeing Scale: seven items answered 1 to 5, summed to a <c>raw</c> score of
/// 7–35 and converted to a <c>metric</c> score (7.00–35.00) with the published conversion table. Higher is better.
/// </summary>
/// <remarks>
/// <para>The item wording is licensed by the University of Warwick and is not part of the framework: by default the
/// items carry keys only (<c>item1</c> to <c>item7</c>) and answers labelled by number. A tenant holding its own
/// licence supplies the wording with <see cref="WithItemTexts(IReadOnlyList{string})"/>.</para>
/// <para>Neither score is banded. Meaningful change: the <c>metric</c> score moving by 3 points or more, the upper end
/// of the 1–3 point range reported for individual change, so that a change called meaningful is one every method
/// agrees on. The <c>raw</c> score has no rule of its own because the conversion is not linear: judge change on the metric.</para>
/// </remarks>
[AssessmentInstrument(InstrumentId, InstrumentVersion, InstrumentTitle)]
public sealed class SwemwbsInstrument : ScoredInstrument
{
    /// <summary>The instrument's id.</summary>
    public const string InstrumentId = "swemwbs";

    /// <summary>The version of these scoring rules.</summary>
    public const string InstrumentVersion = "1.0";

    /// <summary>The instrument's title.</summary>
    public const string InstrumentTitle = "Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS)";

    /// <summary>The name of the summed score, 7–35.</summary>
    public const string RawScore = "raw";

    /// <summary>The name of the converted score, 7.00–35.00.</summary>
    public const string MetricScore = "metric";

    private const int ItemCount = 7;
    private const int LowestRaw = 7;
    private const int HighestRaw = 35;

    /// <summary>Metric scores for raw scores 7 to 35, in order.</summary>
    private static readonly decimal[] MetricByRaw =
    [
        7.00m, 9.51m, 11.25m, 12.40m, 13.33m, 14.08m, 14.75m, 15.32m, 15.84m, 16.36m,
        16.88m, 17.43m, 17.98m, 18.59m, 19.25m, 19.98m, 20.73m, 21.54m, 22.35m, 23.21m,
        24.11m, 25.03m, 26.02m, 27.03m, 28.13m, 29.31m, 30.70m, 32.55m, 35.00m,
    ];

    private static readonly IReadOnlyList<ResponseOption> NumberedAnswers = ResponseScales.Labelled(1, "1", "2", "3", "4", "5");

    private static readonly IReadOnlyList<AssessmentItem> KeysOnly =
    [
        .. Enumerable.Range(1, ItemCount).Select(n => ResponseScales.Item($"item{n}", null, NumberedAnswers)),
    ];

    private static readonly IReadOnlyList<ScoreDefinition> Definitions =
    [
        new()
        {
            Name = RawScore,
            Minimum = LowestRaw,
            Maximum = HighestRaw,
            Polarity = ScorePolarity.HigherIsBetter,
            MeaningfulChange = null,
            Bands = [],
        },
        new()
        {
            Name = MetricScore,
            Minimum = 7.00m,
            Maximum = 35.00m,
            Polarity = ScorePolarity.HigherIsBetter,
            MeaningfulChange = 3,
            Bands = [],
        },
    ];

    private static readonly InstrumentLicence WithoutWording = new()
    {
        ItemTextUse = ItemTextUse.TenantLicenceRequired,
        ItemTextIncluded = false,
        Notice = "SWEMWBS: Short Warwick-Edinburgh Mental Wellbeing Scale, University of Warwick. The item wording is licensed "
            + "and is not included: a tenant supplies it under its own licence from the University of Warwick. The framework "
            + "provides the scoring and the raw-to-metric conversion only.",
    };

    private static readonly InstrumentLicence WithTenantWording = WithoutWording with
    {
        ItemTextIncluded = true,
        Notice = "SWEMWBS: Short Warwick-Edinburgh Mental Wellbeing Scale, University of Warwick. Item wording supplied by "
            + "the tenant under its own licence from the University of Warwick.",
    };

    /// <summary>Creates the instrument with keys only and no item wording.</summary>
    public SwemwbsInstrument()
        : this(KeysOnly, WithoutWording)
    {
    }

    private SwemwbsInstrument(IReadOnlyList<AssessmentItem> items, InstrumentLicence licence)
        : base(InstrumentId, InstrumentVersion, InstrumentTitle, items, Definitions, licence)
    {
    }

    /// <summary>
    /// The metric score for a raw score, from the published conversion table, to two decimal places.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="raw"/> is outside 7–35.</exception>
    public static decimal ToMetric(int raw)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(raw, LowestRaw);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(raw, HighestRaw);
        return MetricByRaw[raw - LowestRaw];
    }

    /// <summary>
    /// The same instrument showing the tenant's licensed wording for its seven items, in item order. Keys, answers
    /// and scoring are unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">There are not exactly seven texts, or one is blank.</exception>
    public SwemwbsInstrument WithItemTexts(IReadOnlyList<string> texts) =>
        new(InstrumentScoring.WithTexts(Items, texts), WithTenantWording);

    /// <summary>
    /// The same instrument showing the tenant's licensed wording for its seven items and labels for its five answers
    /// (for the values 1 to 5, in order). Keys, values and scoring are unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">There are not exactly seven texts and five labels, or one is blank.</exception>
    public SwemwbsInstrument WithItemTexts(IReadOnlyList<string> texts, IReadOnlyList<string> responseLabels)
    {
        ArgumentNullException.ThrowIfNull(responseLabels);
        if (responseLabels.Count != NumberedAnswers.Count || responseLabels.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException(
                $"Expected {NumberedAnswers.Count} answer labels, for the values 1 to 5 in order, none blank.", nameof(responseLabels));
        }

        var options = ResponseScales.Labelled(1, [.. responseLabels]);
        var items = InstrumentScoring.WithTexts(Items, texts).Select(item => item with { ResponseOptions = options });
        return new([.. items], WithTenantWording);
    }

    /// <inheritdoc />
    private protected override AssessmentResult Compute(IReadOnlyList<int> responses)
    {
        var raw = responses.Sum();
        return InstrumentScoring.Result(this, [(RawScore, raw), (MetricScore, ToMetric(raw))], []);
    }
}
