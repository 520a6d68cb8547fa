using SocialPrescribing.Abstractions.Assessments;

namespace HealthyAging.Checklist;

/// <summary>The checklist's items in order, and which subscale each counts towards.</summary>
internal static class ChecklistItems
{
    public const string Social = "social";
    public const string Active = "active";
    public const string Mood = "mood";

    public const string Falls = "falls";
    public const string SkippedMeals = "skipped-meals";
    public const string WantsTransportHelp = "wants-transport-help";

    private static readonly ResponseOption[] HowOften =
    [
        new(0, "Not at all"),
        new(1, "Sometimes"),
        new(2, "Often"),
    ];

    /// <summary>The ten scored items, each with its subscale; the optional eleventh raises a flag only.</summary>
    public static IReadOnlyList<(AssessmentItem Item, string? Subscale)> All { get; } =
    [
        (Scored("lonely", "In the past month, how often have you felt lonely?"), Social),
        (Scored("no-one-to-call", "How often have you had no one to call on for help with everyday things?"), Social),
        (Scored("missed-activities", "How often have you missed activities you enjoy because of your health, the cost or getting there?"), Social),
        (Scored("inactive-days", "How often have you gone a whole day without being physically active (a walk, gardening, housework)?"), Active),
        (Scored("daily-tasks", "How often have you had difficulty with everyday tasks such as shopping, cooking or bathing?"), Active),
        (
            new AssessmentItem
            {
                Key = Falls,
                Text = "Have you fallen in the past three months?",
                ResponseOptions = [new(0, "No"), new(1, "Once"), new(2, "More than once")],
                Minimum = 0,
                Maximum = 2,
            },
            Active),
        (Scored(SkippedMeals, "How often have you skipped meals because of the cost or difficulty getting food?"), Active),
        (Scored("low-mood", "How often have you felt down or without hope?"), Mood),
        (Scored("memory", "How often have you been worried about your memory?"), Mood),
        (Scored("caring-strain", "If you care for someone, how often has it been too much for you? (Not at all if you care for no one.)"), Mood),
        (
            new AssessmentItem
            {
                Key = WantsTransportHelp,
                Text = "Would help getting to community programs be useful to you?",
                ResponseOptions = [new(0, "No"), new(1, "Yes")],
                Minimum = 0,
                Maximum = 1,
                Optional = true,
            },
            null),
    ];

    private static AssessmentItem Scored(string key, string text) => new()
    {
        Key = key,
        Text = text,
        ResponseOptions = HowOften,
        Minimum = 0,
        Maximum = 2,
    };
}
