using SocialPrescribing.Abstractions.Assessments;

namespace SocialPrescribing.Assessments;

/// <summary>
/// The three-item loneliness scale of Hughes et al. (2004): how often the person feels short of companionship,
/// left out and cut off from others, each 1 (hardly ever), 2 (some of the time) or 3 (often), summed to a
/// <c>total</c> of 3–9. Higher is lonelier, so lower is better. An optional fourth item asks directly how often
/// the person feels lonely; it is never part of the total.
/// </summary>
/// <remarks>
/// <para>Bands of <c>total</c>: <c>not-lonely</c> 3–5, <c>lonely</c> 6–9.</para>
/// <para>The direct question is the optional fourth item, <c>direct</c>, so one administration records both and
/// programmes that do not ask it send three responses. When answered it is reported as the score <c>direct</c>,
/// valued so that higher is lonelier like the scale: 1 never, 2 hardly ever, 3 occasionally, 4 some of the time,
/// 5 often or always; its band is the answer itself (<c>never</c>, <c>hardly-ever</c>, <c>occasionally</c>,
/// <c>some-of-the-time</c>, <c>often-always</c>).</para>
/// <para>Meaningful change, a project convention (no individual threshold is published for either measure): the
/// total moving by 2 points or more, and the direct answer moving by 2 categories or more. A one-step move is a
/// single answer shifting to its neighbouring category, which one uncertain reply can produce; crossing between
/// <c>not-lonely</c> and <c>lonely</c> is visible in the bands and is not a second rule.</para>
/// <para>Item wording: a plain-language rendering written for this project; a tenant that needs the published
/// wording supplies it with <see cref="WithItemTexts"/>.</para>
/// </remarks>
[AssessmentInstrument(InstrumentId, InstrumentVersion, InstrumentTitle)]
public sealed class Ucla3Instrument : ScoredInstrument
{
    /// <summary>The instrument's id.</summary>
    public const string InstrumentId = "ucla3";

    /// <summary>The version of these scoring rules.</summary>
    public const string InstrumentVersion = "1.0";

    /// <summary>The instrument's title.</summary>
    public const string InstrumentTitle = "Three-item loneliness scale (UCLA-3)";

    /// <summary>The name of the summed score of the three scale items.</summary>
    public const string TotalScore = "total";

    /// <summary>The key of the optional direct question, and the name of its score and band.</summary>
    public const string DirectQuestion = "direct";

    private static readonly IReadOnlyList<ResponseOption> ScaleOptions =
        ResponseScales.Labelled(1, "Hardly ever", "Some of the time", "Often");

    private static readonly IReadOnlyList<ResponseOption> DirectOptions =
        ResponseScales.Labelled(1, "Never", "Hardly ever", "Occasionally", "Some of the time", "Often or always");

    private static readonly IReadOnlyList<AssessmentItem> DefaultItems =
    [
        ResponseScales.Item("companionship", "How often do you feel you do not have enough companionship?", ScaleOptions),
        ResponseScales.Item("leftOut", "How often do you feel excluded by other people?", ScaleOptions),
        ResponseScales.Item("isolated", "How often do you feel cut off from other people?", ScaleOptions),
        ResponseScales.Item(DirectQuestion, "How often do you feel lonely?", DirectOptions, optional: true),
    ];

    private static readonly IReadOnlyList<ScoreDefinition> Definitions =
    [
        new()
        {
            Name = TotalScore,
            Minimum = 3,
            Maximum = 9,
            Polarity = ScorePolarity.LowerIsBetter,
            MeaningfulChange = 2,
            Bands = [new("not-lonely", 3, 5), new("lonely", 6, 9)],
        },
        new()
        {
            Name = DirectQuestion,
            Minimum = 1,
            Maximum = 5,
            Polarity = ScorePolarity.LowerIsBetter,
            MeaningfulChange = 2,
            Bands =
            [
                new("never", 1, 1),
                new("hardly-ever", 2, 2),
                new("occasionally", 3, 3),
                new("some-of-the-time", 4, 4),
                new("often-always", 5, 5),
            ],
        },
    ];

    /// <summary>Creates the instrument with the project's plain-language item wording.</summary>
    public Ucla3Instrument()
        : this(DefaultItems)
    {
    }

    private Ucla3Instrument(IReadOnlyList<AssessmentItem> items)
        : base(InstrumentId, InstrumentVersion, InstrumentTitle, items, Definitions, TermsOfUse)
    {
    }

    private static readonly InstrumentLicence TermsOfUse = new()
    {
        ItemTextUse = ItemTextUse.FreeToShow,
        ItemTextIncluded = true,
        Notice = "Three-item loneliness scale: Hughes ME, Waite LJ, Hawkley LC, Cacioppo JT. A short scale for measuring "
            + "loneliness in large surveys. Research on Aging 2004;26(6):655-672; free to use with this citation. The direct "
            + "question follows the Office for National Statistics loneliness measure. Item wording shown is a plain-language "
            + "rendering unless the tenant supplied the published wording.",
    };

    /// <summary>The same instrument with tenant-supplied wording for its four items (three scale items, then the direct question).</summary>
    /// <exception cref="ArgumentException">There are not exactly four texts, or one is blank.</exception>
    public Ucla3Instrument WithItemTexts(IReadOnlyList<string> texts) => new(InstrumentScoring.WithTexts(Items, texts));

    /// <inheritdoc />
    /// <remarks>Three responses score the scale; a fourth is the answer to the direct question.</remarks>
    private protected override AssessmentResult Compute(IReadOnlyList<int> responses)
    {
        List<(string, decimal)> scores = [(TotalScore, responses[0] + responses[1] + responses[2])];
        if (responses.Count > 3)
        {
            scores.Add((DirectQuestion, responses[3]));
        }

        return InstrumentScoring.Result(this, scores, []);
    }
}
