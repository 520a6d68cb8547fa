using SocialPrescribing.Abstractions.Assessments;

namespace SocialPrescribing.Assessments;

/// <summary>
/// The ONS personal wellbeing questions: life satisfaction, things done being worthwhile, happiness yesterday and
/// anxiety yesterday, each answered 0 (not at all) to 10 (completely) and reported as its own score, never summed.
/// Higher is better for the first three; lower is better for anxiety.
/// </summary>
/// <remarks>
/// <para>Bands of <c>lifeSatisfaction</c>, <c>worthwhile</c> and <c>happiness</c>: <c>low</c> 0–4, <c>medium</c>
/// 5–6, <c>high</c> 7–8, <c>very-high</c> 9–10. Bands of <c>anxiety</c>: <c>very-low</c> 0–1, <c>low</c> 2–3,
/// <c>medium</c> 4–5, <c>high</c> 6–10 (here <c>high</c> is the worst band).</para>
/// <para>Meaningful change, a project convention rather than ONS guidance (ONS publishes thresholds for
/// populations, not for one person): a question moving by 2 points or more. One point is the smallest move a
/// single answer can make on a 0–10 scale and is within ordinary day-to-day variation, so it is never enough on
/// its own; band changes are reported through the bands and are not a second rule, because a one-point move
/// across a band edge (6 to 7) would otherwise count while a larger one inside a band would not.</para>
/// <para>Item wording: short, neutral questions written for this project; a tenant that needs the ONS published
/// wording (for example to compare with national figures) supplies it with <see cref="WithItemTexts"/>.</para>
/// </remarks>
[AssessmentInstrument(InstrumentId, InstrumentVersion, InstrumentTitle)]
public sealed class Ons4Instrument : ScoredInstrument
{
    /// <summary>The instrument's id.</summary>
    public const string InstrumentId = "ons4";

    /// <summary>The version of these scoring rules.</summary>
    public const string InstrumentVersion = "1.0";

    /// <summary>The instrument's title.</summary>
    public const string InstrumentTitle = "ONS personal wellbeing (ONS4)";

    /// <summary>The item, score and band name of the life-satisfaction question.</summary>
    public const string LifeSatisfaction = "lifeSatisfaction";

    /// <summary>The item, score and band name of the worthwhile question.</summary>
    public const string Worthwhile = "worthwhile";

    /// <summary>The item, score and band name of the happiness question.</summary>
    public const string Happiness = "happiness";

    /// <summary>The item, score and band name of the anxiety question.</summary>
    public const string Anxiety = "anxiety";

    private const decimal MeaningfulChange = 2;

    private static readonly IReadOnlyList<ResponseOption> ZeroToTen =
        ResponseScales.Numbered(0, 10, "not at all", "completely");

    private static readonly IReadOnlyList<AssessmentItem> DefaultItems =
    [
        ResponseScales.Item(LifeSatisfaction, "All things considered, how satisfied are you with your life these days?", ZeroToTen),
        ResponseScales.Item(Worthwhile, "All things considered, how far do you feel that what you do in your life is worthwhile?", ZeroToTen),
        ResponseScales.Item(Happiness, "Taking yesterday as a whole, how happy did you feel?", ZeroToTen),
        ResponseScales.Item(Anxiety, "Taking yesterday as a whole, how anxious did you feel?", ZeroToTen),
    ];

    private static readonly IReadOnlyList<ScoreBand> PositiveBands =
    [
        new("low", 0, 4),
        new("medium", 5, 6),
        new("high", 7, 8),
        new("very-high", 9, 10),
    ];

    private static readonly IReadOnlyList<ScoreDefinition> Definitions =
    [
        Positive(LifeSatisfaction),
        Positive(Worthwhile),
        Positive(Happiness),
        new()
        {
            Name = Anxiety,
            Minimum = 0,
            Maximum = 10,
            Polarity = ScorePolarity.LowerIsBetter,
            MeaningfulChange = MeaningfulChange,
            Bands =
            [
                new("very-low", 0, 1),
                new("low", 2, 3),
                new("medium", 4, 5),
                new("high", 6, 10),
            ],
        },
    ];

    /// <summary>Creates the instrument with the project's own short wording.</summary>
    public Ons4Instrument()
        : this(DefaultItems)
    {
    }

    private Ons4Instrument(IReadOnlyList<AssessmentItem> items)
        : base(InstrumentId, InstrumentVersion, InstrumentTitle, items, Definitions, TermsOfUse)
    {
    }

    private static readonly InstrumentLicence TermsOfUse = new()
    {
        ItemTextUse = ItemTextUse.FreeToShow,
        ItemTextIncluded = true,
        Notice = "Personal wellbeing measures: Office for National Statistics (ONS), free to use with acknowledgement of ONS. "
            + "Question wording shown is the framework's own short rendering unless the tenant supplied the ONS published wording.",
    };

    /// <summary>The same instrument with tenant-supplied wording for its four questions, in item order.</summary>
    /// <exception cref="ArgumentException">There are not exactly four texts, or one is blank.</exception>
    public Ons4Instrument WithItemTexts(IReadOnlyList<string> texts) => new(InstrumentScoring.WithTexts(Items, texts));

    /// <inheritdoc />
    private protected override AssessmentResult Compute(IReadOnlyList<int> responses)
    {
        return InstrumentScoring.Result(this, Items.Select((item, i) => (item.Key, (decimal)responses[i])), []);
    }

    private static ScoreDefinition Positive(string name) => new()
    {
        Name = name,
        Minimum = 0,
        Maximum = 10,
        Polarity = ScorePolarity.HigherIsBetter,
        MeaningfulChange = MeaningfulChange,
        Bands = PositiveBands,
    };
}
