using SocialPrescribing.Abstractions.Assessments;

namespace SocialPrescribing.Assessments;

/// <summary>
/// The Patient Health Questionnaire-9: nine items scored 0 (not at all) to 3 (nearly every day) over the past two
/// weeks, summed to a depression severity <c>total</c> of 0–27. Lower is better.
/// </summary>
/// <remarks>
/// <para>Bands of the total: <c>none</c> 0–4, <c>mild</c> 5–9, <c>moderate</c> 10–14, <c>moderately-severe</c>
/// 15–19, <c>severe</c> 20–27.</para>
/// <para>Any answer above 0 to the ninth item (<c>selfHarm</c>) raises <see cref="AssessmentFlags.SelfHarmRisk"/>,
/// whatever the total: a low total never hides it.</para>
/// <para>Meaningful change: the total moving by 5 points or more, the individual change commonly treated as
/// clinically meaningful since the PHQ-9 treatment-monitoring studies (Löwe et al. 2004).</para>
/// <para>Item wording: a plain-language rendering written for this project, not the published wording; a tenant
/// that needs the published wording supplies it with <see cref="WithItemTexts"/>.</para>
/// </remarks>
[AssessmentInstrument(InstrumentId, InstrumentVersion, InstrumentTitle)]
public sealed class Phq9Instrument : ScoredInstrument
{
    /// <summary>The instrument's id.</summary>
    public const string InstrumentId = "phq9";

    /// <summary>The version of these scoring rules.</summary>
    public const string InstrumentVersion = "1.0";

    /// <summary>The instrument's title.</summary>
    public const string InstrumentTitle = "Patient Health Questionnaire-9";

    /// <summary>The name of the summed score.</summary>
    public const string TotalScore = "total";

    /// <summary>The key of the ninth item, on thoughts of self-harm.</summary>
    public const string SelfHarmItem = "selfHarm";

    private static readonly IReadOnlyList<ResponseOption> Frequency = ResponseScales.Labelled(
        0, "Not at all", "On a few days", "On more than half of the days", "On almost every day");

    private static readonly IReadOnlyList<AssessmentItem> DefaultItems =
    [
        ResponseScales.Item("interest", "In the past two weeks, how often have you found little interest or enjoyment in the things you do?", Frequency),
        ResponseScales.Item("mood", "In the past two weeks, how often have you felt low, sad or without hope?", Frequency),
        ResponseScales.Item("sleep", "In the past two weeks, how often have you had trouble getting to sleep or staying asleep, or slept far more than usual?", Frequency),
        ResponseScales.Item("energy", "In the past two weeks, how often have you felt tired or short of energy?", Frequency),
        ResponseScales.Item("appetite", "In the past two weeks, how often have you eaten much less or much more than usual?", Frequency),
        ResponseScales.Item("selfWorth", "In the past two weeks, how often have you felt bad about yourself, or that you have failed or let people down?", Frequency),
        ResponseScales.Item("concentration", "In the past two weeks, how often have you found it hard to concentrate, for example on reading or television?", Frequency),
        ResponseScales.Item("movement", "In the past two weeks, how often have you moved or spoken noticeably slowly, or been so restless that others could see it?", Frequency),
        ResponseScales.Item(SelfHarmItem, "In the past two weeks, how often have you thought you would be better off dead, or thought about hurting yourself?", Frequency),
    ];

    private static readonly IReadOnlyList<ScoreDefinition> Definitions =
    [
        new()
        {
            Name = TotalScore,
            Minimum = 0,
            Maximum = 27,
            Polarity = ScorePolarity.LowerIsBetter,
            MeaningfulChange = 5,
            Bands =
            [
                new("none", 0, 4),
                new("mild", 5, 9),
                new("moderate", 10, 14),
                new("moderately-severe", 15, 19),
                new("severe", 20, 27),
            ],
        },
    ];

    private static readonly IReadOnlyList<string> SelfHarmRisk = [AssessmentFlags.SelfHarmRisk];

    /// <summary>Creates the instrument with the project's plain-language item wording.</summary>
    public Phq9Instrument()
        : this(DefaultItems)
    {
    }

    private Phq9Instrument(IReadOnlyList<AssessmentItem> items)
        : base(InstrumentId, InstrumentVersion, InstrumentTitle, items, Definitions, TermsOfUse)
    {
    }

    private static readonly InstrumentLicence TermsOfUse = new()
    {
        ItemTextUse = ItemTextUse.FreeToShow,
        ItemTextIncluded = true,
        Notice = "PHQ-9: Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. "
            + "J Gen Intern Med 2001;16(9):606-613. Developed with an educational grant from Pfizer Inc.; free to use "
            + "without permission. Item wording shown is a plain-language rendering unless the tenant supplied the published wording.",
    };

    /// <summary>The same instrument with tenant-supplied wording for its nine items, in item order.</summary>
    /// <exception cref="ArgumentException">There are not exactly nine texts, or one is blank.</exception>
    public Phq9Instrument WithItemTexts(IReadOnlyList<string> texts) => new(InstrumentScoring.WithTexts(Items, texts));

    /// <inheritdoc />
    private protected override AssessmentResult Compute(IReadOnlyList<int> responses)
    {
        var flags = responses[8] > 0 ? SelfHarmRisk : [];
        return InstrumentScoring.Result(this, [(TotalScore, responses.Sum())], flags);
    }
}
