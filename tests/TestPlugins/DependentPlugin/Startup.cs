using Microsoft.Extensions.DependencyInjection;
using SocialPrescribing.Abstractions.Plugins;
using SocialPrescribing.Abstractions.Training;
using Sp.TestPlugins.Dependency;

namespace Sp.TestPlugins.Dependent;

/// <summary>Its base class lives in a private dependency, so it cannot even be listed when that is missing.</summary>
public sealed class Startup : Greeting, IPluginStartup
{
    public void ConfigureServices(IServiceCollection services, PluginContext context) =>
        services.AddSingleton<ITrainingModule, GreetingModule>();
}

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
