using SocialPrescribing.Abstractions.Training;

namespace Community.Training.Modules;

/// <summary>Administration and sustainability: personal health information, consent, and keeping records.</summary>
[TrainingModule(ModuleId)]
public sealed class PrivacyAndConsentModule : ITrainingModule
{
    public const string ModuleId = "privacy-consent-101";

    public string Id => ModuleId;

    public string Version => "1.0";

    public string Title => "Documentation, privacy and consent";

    public string Summary => "What personal health information is, the consents a journey carries, and records that stand up to an audit.";

    public IReadOnlyList<CompetencyOutcome> Outcomes { get; } =
    [
        new(LinkWorkerCompetencies.DocumentationPrivacyConsent, CompetencyDomain.AdministrationAndSustainability, ProficiencyLevel.Foundational),
    ];

    public IReadOnlyList<Lesson> Lessons { get; } =
    [
        LessonText.Load("privacy-personal-health-information", "Personal health information", 10),
        LessonText.Load("privacy-consent", "Consent, and when it changes", 15),
        LessonText.Load("privacy-records", "Records and the audit trail", 10),
    ];

    public KnowledgeCheck KnowledgeCheck { get; } = new()
    {
        PassMarkPercent = 75,
        Questions =
        [
            new KnowledgeCheckQuestion
            {
                Id = "codes-only",
                Prompt = "The person consented to share progress with the referrer \"codes only\". What may the message back include?",
                Options =
                [
                    new AnswerOption("a", "Your full notes from each contact."),
                    new AnswerOption("b", "The status of the journey and coded outcomes."),
                    new AnswerOption("c", "Nothing at all."),
                ],
                CorrectOptionIds = ["b"],
            },
            new KnowledgeCheckQuestion
            {
                Id = "what-is-phi",
                Prompt = "Choose all that apply: personal health information held by the program.",
                Options =
                [
                    new AnswerOption("a", "The person's answers to a wellbeing questionnaire."),
                    new AnswerOption("b", "The fact that the person was referred to the program."),
                    new AnswerOption("c", "The meeting time of a public walking group."),
                    new AnswerOption("d", "The person's phone number in their record."),
                ],
                CorrectOptionIds = ["a", "b", "d"],
            },
            new KnowledgeCheckQuestion
            {
                Id = "where-to-record",
                Prompt = "Where do notes from a home visit belong?",
                Options =
                [
                    new AnswerOption("a", "In a personal notebook, typed up later."),
                    new AnswerOption("b", "In an email to yourself."),
                    new AnswerOption("c", "In the program's record system."),
                ],
                CorrectOptionIds = ["c"],
            },
            new KnowledgeCheckQuestion
            {
                Id = "withdrawn",
                Prompt = "The person withdraws their consent to share progress with the referrer. What then?",
                Options =
                [
                    new AnswerOption("a", "Stop sharing from now on, and record the withdrawal."),
                    new AnswerOption("b", "Delete the person's whole record."),
                    new AnswerOption("c", "Keep sharing: consent was given at referral."),
                ],
                CorrectOptionIds = ["a"],
            },
        ],
    };
}
