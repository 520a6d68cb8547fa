using SocialPrescribing.Abstractions.Training;

namespace Community.Training.Modules;

/// <summary>Individual support: recognising risk, escalating the same day, and staying within the role.</summary>
/// <remarks>Every question must be right to pass: a link worker who misses one of these should take the module again.</remarks>
[TrainingModule(ModuleId)]
public sealed class SafeguardingModule : ITrainingModule
{
    public const string ModuleId = "safeguarding-escalation-101";

    public string Id => ModuleId;

    public string Version => "1.0";

    public string Title => "Safeguarding, risk and escalation";

    public string Summary => "Recognising risk, acting on safety alerts the same day, recording what was done, and referring back to clinicians.";

    public IReadOnlyList<CompetencyOutcome> Outcomes { get; } =
    [
        new(LinkWorkerCompetencies.SafeguardingAndRisk, CompetencyDomain.IndividualSupport, ProficiencyLevel.Foundational),
        new(LinkWorkerCompetencies.RoleBoundaries, CompetencyDomain.IndividualSupport, ProficiencyLevel.Foundational),
    ];

    public IReadOnlyList<Lesson> Lessons { get; } =
    [
        LessonText.Load("safeguarding-recognising-risk", "Recognising risk", 15),
        LessonText.Load("safeguarding-escalating", "Escalating and recording", 15),
        LessonText.Load("safeguarding-role-boundaries", "Role boundaries and referring back", 10),
    ];

    public KnowledgeCheck KnowledgeCheck { get; } = new()
    {
        PassMarkPercent = 100,
        Questions =
        [
            new KnowledgeCheckQuestion
            {
                Id = "phq9-item9",
                Prompt = "On the PHQ-9 a person answers \"several days\" to the question on thoughts of self-harm; their total is 4. What happens?",
                Options =
                [
                    new AnswerOption("a", "Nothing: a total of 4 is below the mild band."),
                    new AnswerOption("b", "A safety alert is raised and followed up the same day."),
                    new AnswerOption("c", "The question is asked again at the next follow-up."),
                ],
                CorrectOptionIds = ["b"],
                Explanation = "Any answer above 0 on that item raises a safety alert, whatever the total.",
            },
            new KnowledgeCheckQuestion
            {
                Id = "immediate-danger",
                Prompt = "A person tells you they are in immediate danger. What do you do first?",
                Options =
                [
                    new AnswerOption("a", "Call 911."),
                    new AnswerOption("b", "Email your supervisor."),
                    new AnswerOption("c", "Note it for your next supervision session."),
                ],
                CorrectOptionIds = ["a"],
            },
            new KnowledgeCheckQuestion
            {
                Id = "within-role",
                Prompt = "Which of these is within a link worker's role?",
                Options =
                [
                    new AnswerOption("a", "Suggesting a change to the person's medication."),
                    new AnswerOption("b", "Telling the person they have depression."),
                    new AnswerOption("c", "Helping the person tell their family doctor about new symptoms."),
                ],
                CorrectOptionIds = ["c"],
            },
            new KnowledgeCheckQuestion
            {
                Id = "recording",
                Prompt = "Choose all that apply: what you record after escalating a concern.",
                Options =
                [
                    new AnswerOption("a", "What the person said or what you saw, in their words where you can."),
                    new AnswerOption("b", "Whom you informed, and when."),
                    new AnswerOption("c", "Your diagnosis of the person's condition."),
                    new AnswerOption("d", "The actions agreed and who takes them."),
                ],
                CorrectOptionIds = ["a", "b", "d"],
            },
        ],
    };
}
