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
        new(0, "Not at all") { Translations = French("Pas du tout") },
        new(1, "Sometimes") { Translations = French("Parfois") },
        new(2, "Often") { Translations = French("Souvent") },
    ];

    /// <summary>The ten scored items, each with its subscale; the optional eleventh raises a flag only.</summary>
    public static IReadOnlyList<(AssessmentItem Item, string? Subscale)> All { get; } =
    [
        (Scored("lonely", "In the past month, how often have you felt lonely?", "Au cours du dernier mois, à quelle fréquence vous êtes-vous senti(e) seul(e)?"), Social),
        (Scored("no-one-to-call", "How often have you had no one to call on for help with everyday things?", "À quelle fréquence n’avez-vous eu personne à qui demander de l’aide pour les choses de tous les jours?"), Social),
        (Scored("missed-activities", "How often have you missed activities you enjoy because of your health, the cost or getting there?", "À quelle fréquence avez-vous manqué des activités que vous aimez à cause de votre santé, du coût ou du déplacement?"), Social),
        (Scored("inactive-days", "How often have you gone a whole day without being physically active (a walk, gardening, housework)?", "À quelle fréquence avez-vous passé une journée entière sans être actif(ve) physiquement (une marche, du jardinage, le ménage)?"), Active),
        (Scored("daily-tasks", "How often have you had difficulty with everyday tasks such as shopping, cooking or bathing?", "À quelle fréquence avez-vous eu de la difficulté avec les tâches quotidiennes comme faire les courses, cuisiner ou vous laver?"), Active),
        (
            new AssessmentItem
            {
                Key = Falls,
                Text = "Have you fallen in the past three months?",
                Translations = French("Êtes-vous tombé(e) au cours des trois derniers mois?"),
                ResponseOptions = [new(0, "No") { Translations = French("Non") }, new(1, "Once") { Translations = French("Une fois") }, new(2, "More than once") { Translations = French("Plus d’une fois") }],
                Minimum = 0,
                Maximum = 2,
            },
            Active),
        (Scored(SkippedMeals, "How often have you skipped meals because of the cost or difficulty getting food?", "À quelle fréquence avez-vous sauté des repas à cause du coût ou de la difficulté à vous procurer de la nourriture?"), Active),
        (Scored("low-mood", "How often have you felt down or without hope?", "À quelle fréquence vous êtes-vous senti(e) abattu(e) ou sans espoir?"), Mood),
        (Scored("memory", "How often have you been worried about your memory?", "À quelle fréquence vous êtes-vous inquiété(e) de votre mémoire?"), Mood),
        (Scored("caring-strain", "If you care for someone, how often has it been too much for you? (Not at all if you care for no one.)", "Si vous prenez soin d’une personne, à quelle fréquence est-ce devenu trop pour vous? (Pas du tout si vous ne prenez soin de personne.)"), Mood),
        (
            new AssessmentItem
            {
                Key = WantsTransportHelp,
                Text = "Would help getting to community programs be useful to you?",
                Translations = French("Est-ce que de l’aide pour vous rendre aux programmes communautaires vous serait utile?"),
                ResponseOptions = [new(0, "No") { Translations = French("Non") }, new(1, "Yes") { Translations = French("Oui") }],
                Minimum = 0,
                Maximum = 1,
                Optional = true,
            },
            null),
    ];

    private static AssessmentItem Scored(string key, string text, string french) => new()
    {
        Key = key,
        Text = text,
        Translations = French(french),
        ResponseOptions = HowOften,
        Minimum = 0,
        Maximum = 2,
    };

    /// <summary>The checklist's own French (a host offers it to French-speaking people; a program can replace it in its settings).</summary>
    private static Dictionary<string, string> French(string text) => new(StringComparer.Ordinal) { ["fr"] = text };
}
