using SocialPrescribing.Abstractions.Training;

namespace Sp.TestPlugins.GoodRides;

[TrainingModule("listening-101")]
public sealed class ListeningModule : ITrainingModule
{
    public string Id => "listening-101";

    public string Version => "1.0";

    public string Title => "Listening for what matters";

    public string Summary => "Open questions and reflective listening in the first conversation.";

    public IReadOnlyList<CompetencyOutcome> Outcomes { get; } =
    [
        new(LinkWorkerCompetencies.WhatMattersConversations, CompetencyDomain.IndividualSupport, ProficiencyLevel.Foundational),
    ];

    public IReadOnlyList<Lesson> Lessons { get; } =
    [
        new Lesson { Id = "open-questions", Title = "Open questions", Content = "Ask *what matters to you?*", EstimatedMinutes = 10 },
    ];

    public KnowledgeCheck KnowledgeCheck { get; } = new()
    {
        PassMarkPercent = 50,
        Questions =
        [
            new KnowledgeCheckQuestion
            {
                Id = "q1",
                Prompt = "Which is an open question?",
                Options = [new AnswerOption("a", "Are you lonely?"), new AnswerOption("b", "What matters to you?")],
                CorrectOptionIds = ["b"],
            },
        ],
    };
}
