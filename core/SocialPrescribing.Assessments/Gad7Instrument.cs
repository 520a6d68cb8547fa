using SocialPrescribing.Abstractions.Assessments;

namespace SocialPrescribing.Assessments;

/// <summary>
/// The Generalised Anxiety Disorder-7 scale: seven items scored 0 (not at all) to 3 (nearly every day) over the past
/// two weeks, summed to an anxiety severity <c>total</c> of 0–21. Lower is better.
/// </summary>
/// <remarks>
/// <para>Bands of the total: <c>minimal</c> 0–4, <c>mild</c> 5–9, <c>moderate</c> 10–14, <c>severe</c> 15–21.</para>
/// <para>Meaningful change: the total moving by 4 points or more, the minimal clinically important difference
/// reported for individuals (Toussaint et al. 2020).</para>
/// <para>Item wording: a plain-language rendering written for this project, not the published wording; a tenant
/// that needs the published wording supplies it with <see cref="WithItemTexts"/>.</para>
/// </remarks>
[AssessmentInstrument(InstrumentId, InstrumentVersion, InstrumentTitle)]
public sealed class Gad7Instrument : ScoredInstrument
{
    /// <summary>The instrument's id.</summary>
    public const string InstrumentId = "gad7";

    /// <summary>The version of these scoring rules.</summary>
    public const string InstrumentVersion = "1.0";

    /// <summary>The instrument's title.</summary>
    public const string InstrumentTitle = "Generalised Anxiety Disorder-7";

    /// <summary>The name of the summed score.</summary>
    public const string TotalScore = "total";

    private static readonly IReadOnlyList<ResponseOption> Frequency = ResponseScales.Labelled(
        0, "Not at all", "On a few days", "On more than half of the days", "On almost every day");

    private static readonly IReadOnlyList<AssessmentItem> DefaultItems =
    [
        ResponseScales.Item("nervous", "In the past two weeks, how often have you felt on edge, nervous or anxious?", Frequency),
        ResponseScales.Item("worryControl", "In the past two weeks, how often have you been unable to stop or control your worrying?", Frequency),
        ResponseScales.Item("worryBreadth", "In the past two weeks, how often have you worried too much about lots of different things?", Frequency),
        ResponseScales.Item("relaxing", "In the past two weeks, how often have you found it hard to relax?", Frequency),
        ResponseScales.Item("restless", "In the past two weeks, how often have you been so restless that keeping still was hard?", Frequency),
        ResponseScales.Item("irritable", "In the past two weeks, how often have you become annoyed or irritated easily?", Frequency),
        ResponseScales.Item("dread", "In the past two weeks, how often have you felt afraid that something awful might happen?", Frequency),
    ];

    private static readonly IReadOnlyList<ScoreDefinition> Definitions =
    [
        new()
        {
            Name = TotalScore,
            Minimum = 0,
            Maximum = 21,
            Polarity = ScorePolarity.LowerIsBetter,
            MeaningfulChange = 4,
            Bands =
            [
                new("minimal", 0, 4),
                new("mild", 5, 9),
                new("moderate", 10, 14),
                new("severe", 15, 21),
            ],
        },
    ];

    /// <summary>Creates the instrument with the project's plain-language item wording.</summary>
    public Gad7Instrument()
        : this(DefaultItems)
    {
    }

    private Gad7Instrument(IReadOnlyList<AssessmentItem> items)
        : base(InstrumentId, InstrumentVersion, InstrumentTitle, items, Definitions, TermsOfUse)
    {
    }

    private static readonly InstrumentLicence TermsOfUse = new()
    {
        ItemTextUse = ItemTextUse.FreeToShow,
        ItemTextIncluded = true,
        Notice = "GAD-7: Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: "
            + "the GAD-7. Arch Intern Med 2006;166(10):1092-1097. Developed with an educational grant from Pfizer Inc.; free to use "
            + "without permission. Item wording shown is a plain-language rendering unless the tenant supplied the published wording.",
    };

    /// <summary>The same instrument with tenant-supplied wording for its seven items, in item order.</summary>
    /// <exception cref="ArgumentException">There are not exactly seven texts, or one is blank.</exception>
    public Gad7Instrument WithItemTexts(IReadOnlyList<string> texts) => new(InstrumentScoring.WithTexts(Items, texts));

    /// <inheritdoc />
    private protected override AssessmentResult Compute(IReadOnlyList<int> responses)
    {
        return InstrumentScoring.Result(this, [(TotalScore, responses.Sum())], []);
    }
}
