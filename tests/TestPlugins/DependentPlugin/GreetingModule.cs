using SocialPrescribing.Abstractions.Training;
using Sp.TestPlugins.Dependency;

namespace Sp.TestPlugins.Dependent;

[TrainingModule("greeting-101")]
public sealed class GreetingModule : ITrainingModule
{
    public string Id => "greeting-101";

    public string Version => "1.0";

    public string Title => Greeting.For("link workers");

    public string Summary => "Greeting people.";

    public IReadOnlyList<CompetencyOutcome> Outcomes { get; } =
        [new(LinkWorkerCompetencies.PersonCentredPractice, CompetencyDomain.IndividualSupport, ProficiencyLevel.Foundational)];

    public IReadOnlyList<Lesson> Lessons { get; } = [new Lesson { Id = "hello", Title = "Hello", Content = "Say hello." }];

    public KnowledgeCheck KnowledgeCheck { get; } = new()
    {
        PassMarkPercent = 100,
        Questions = [new KnowledgeCheckQuestion { Id = "q1", Prompt = "Say?", Options = [new AnswerOption("a", "Hello")], CorrectOptionIds = ["a"] }],
    };
}
