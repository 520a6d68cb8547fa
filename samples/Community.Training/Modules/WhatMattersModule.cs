using SocialPrescribing.Abstractions.Training;

namespace Community.Training.Modules;

/// <summary>Individual support: holding the "what matters to you?" conversation and turning it into a plan.</summary>
[TrainingModule(ModuleId)]
public sealed class WhatMattersModule : ITrainingModule
{
    public const string ModuleId = "what-matters-101";

    public string Id => ModuleId;

    public string Version => "1.0";

    public string Title => "\"What matters to you?\" conversations";

    public string Summary => "Opening the conversation, listening for strengths, and writing a plan in the person's own words.";

    public IReadOnlyList<CompetencyOutcome> Outcomes { get; } =
    [
        new(LinkWorkerCompetencies.WhatMattersConversations, CompetencyDomain.IndividualSupport, ProficiencyLevel.Foundational),
        new(LinkWorkerCompetencies.PersonCentredPractice, CompetencyDomain.IndividualSupport, ProficiencyLevel.Foundational),
        new(LinkWorkerCompetencies.CoProducingPlans, CompetencyDomain.IndividualSupport, ProficiencyLevel.Foundational),
    ];

    public IReadOnlyList<Lesson> Lessons { get; } =
    [
        LessonText.Load("what-matters-why", "Why start with what matters", 10),
        LessonText.Load("what-matters-listening", "Open questions and reflective listening", 15),
        LessonText.Load("what-matters-plan", "From the conversation to a plan", 15),
    ];

    public KnowledgeCheck KnowledgeCheck { get; } = new()
    {
        PassMarkPercent = 80,
        Questions =
        [
            new KnowledgeCheckQuestion
            {
                Id = "opening",
                Prompt = "Which question best opens a \"what matters\" conversation?",
                Options =
                [
                    new AnswerOption("a", "What is wrong with your health?"),
                    new AnswerOption("b", "What matters to you at the moment?"),
                    new AnswerOption("c", "Would you like to join the walking group?"),
                    new AnswerOption("d", "Have you been feeling lonely?"),
                ],
                CorrectOptionIds = ["b"],
                Explanation = "An open question about the person's own priorities; the others steer, close or label.",
            },
            new KnowledgeCheckQuestion
            {
                Id = "reflection",
                Prompt = "The person says: \"I used to love singing, but I hardly go out now.\" Which reply is a reflection?",
                Options =
                [
                    new AnswerOption("a", "You should try the community choir."),
                    new AnswerOption("b", "Singing mattered to you, and getting out has become harder."),
                    new AnswerOption("c", "Why don't you go out any more?"),
                ],
                CorrectOptionIds = ["b"],
                Explanation = "A reflection gives back what was heard, including the feeling, before any suggestion.",
            },
            new KnowledgeCheckQuestion
            {
                Id = "goal-wording",
                Prompt = "How are the goals in a personalised plan written?",
                Options =
                [
                    new AnswerOption("a", "In clinical terms, so the referrer understands them."),
                    new AnswerOption("b", "In the person's own words."),
                    new AnswerOption("c", "As the names of programs in the directory."),
                ],
                CorrectOptionIds = ["b"],
            },
            new KnowledgeCheckQuestion
            {
                Id = "barriers",
                Prompt = "Choose all that apply: barriers to ask about before connecting someone to a program.",
                Options =
                [
                    new AnswerOption("a", "Transport"),
                    new AnswerOption("b", "Cost"),
                    new AnswerOption("c", "Childcare or caring duties"),
                    new AnswerOption("d", "Their star sign"),
                    new AnswerOption("e", "Language"),
                ],
                CorrectOptionIds = ["a", "b", "c", "e"],
            },
            new KnowledgeCheckQuestion
            {
                Id = "whose-priorities",
                Prompt = "The person's priorities differ from the reason the doctor gave for the referral. Whose priorities shape the plan?",
                Options =
                [
                    new AnswerOption("a", "The referrer's."),
                    new AnswerOption("b", "The person's."),
                    new AnswerOption("c", "The link worker's."),
                ],
                CorrectOptionIds = ["b"],
                Explanation = "The plan is the person's; the referrer hears back about it as far as the person consents.",
            },
        ],
    };
}
