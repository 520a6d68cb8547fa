using SocialPrescribing.Abstractions.Training;
using SocialPrescribing.Plugins;
using SocialPrescribing.Samples.Tests.Support;

namespace SocialPrescribing.Samples.Tests;

/// <summary>The Community Training sample: its modules on the competency framework, and how their knowledge checks score.</summary>
public sealed class CommunityTrainingTests : IDisposable
{
    private readonly SamplePlugins _plugins = new SamplePlugins().Add(SamplePlugins.CommunityTraining);
    private readonly PluginHarness _harness;

    public CommunityTrainingTests() => _harness = new PluginHarness(_plugins, new Dictionary<string, string?>
    {
        ["Tenants:ab:Plugins:community-training:Enabled"] = "true",
    });

    public void Dispose()
    {
        _harness.Dispose();
        _plugins.Dispose();
    }

    private PluginComponent<ITrainingModule> Module(string id) => _harness.Catalog.Find<ITrainingModule>(TestTenants.Ab, id)!;

    private Task<ModuleView> ReadAsync(string id) =>
        _harness.Invoker.InvokeAsync(
            Module(id), "describe", m => new ModuleView(m.Id, m.Outcomes, m.Lessons, m.KnowledgeCheck), cancellationToken: TestContext.Current.CancellationToken);

    private static KnowledgeCheckAttempt AllCorrect(KnowledgeCheck check) =>
        new(check.Questions.ToDictionary(q => q.Id, q => q.CorrectOptionIds));

    private static KnowledgeCheckAttempt WrongOn(KnowledgeCheck check, params string[] questionIds) =>
        new(check.Questions.ToDictionary(
            q => q.Id,
            q => questionIds.Contains(q.Id)
                ? (IReadOnlyList<string>)[q.Options.First(o => !q.CorrectOptionIds.Contains(o.Id)).Id]
                : q.CorrectOptionIds));

    [Fact]
    public void The_tenant_that_enables_the_plugin_gets_three_modules_and_the_other_none()
    {
        Assert.Equal(
            ["privacy-consent-101", "safeguarding-escalation-101", "what-matters-101"],
            _harness.Catalog.ComponentsFor<ITrainingModule>(TestTenants.Ab).Select(m => m.ComponentId));
        Assert.Empty(_harness.Catalog.ComponentsFor<ITrainingModule>(TestTenants.On));
    }

    [Theory]
    [InlineData("what-matters-101")]
    [InlineData("safeguarding-escalation-101")]
    [InlineData("privacy-consent-101")]
    public async Task Each_module_develops_framework_competencies_in_their_own_domain_with_lessons_and_a_sound_check(string id)
    {
        var module = await ReadAsync(id);

        Assert.Equal(id, module.Id);
        Assert.NotEmpty(module.Outcomes);
        Assert.All(module.Outcomes, o => Assert.Equal(LinkWorkerCompetencies.Find(o.CompetencyId)?.Domain, o.Domain));
        Assert.True(module.Lessons.Count >= 3);
        Assert.All(module.Lessons, l => Assert.True(l.Content.Length > 400 && l.EstimatedMinutes > 0, $"Lesson '{l.Id}' is thin."));
        Assert.Empty(module.KnowledgeCheck.Problems());
    }

    [Fact]
    public async Task The_modules_cover_individual_support_and_administration()
    {
        var modules = await Task.WhenAll(
            ReadAsync("what-matters-101"), ReadAsync("safeguarding-escalation-101"), ReadAsync("privacy-consent-101"));

        Assert.Equal(
            [CompetencyDomain.IndividualSupport, CompetencyDomain.AdministrationAndSustainability],
            modules.SelectMany(m => m.Outcomes).Select(o => o.Domain).Distinct());
        Assert.Contains(modules.SelectMany(m => m.Outcomes), o => o.CompetencyId == LinkWorkerCompetencies.SafeguardingAndRisk);
    }

    [Fact]
    public async Task Every_answer_right_passes_with_full_marks()
    {
        var check = (await ReadAsync("what-matters-101")).KnowledgeCheck;

        var result = check.Score(AllCorrect(check));

        Assert.Equal((5, 5, 100m, true), (result.Correct, result.Total, result.ScorePercent, result.Passed));
    }

    [Fact]
    public async Task The_what_matters_check_passes_at_four_of_five_and_fails_at_three()
    {
        var check = (await ReadAsync("what-matters-101")).KnowledgeCheck;

        var oneWrong = check.Score(WrongOn(check, "reflection"));
        var twoWrong = check.Score(WrongOn(check, "reflection", "barriers"));

        Assert.Equal((80m, 80, true), (oneWrong.ScorePercent, oneWrong.PassMarkPercent, oneWrong.Passed));
        Assert.Equal((60m, false), (twoWrong.ScorePercent, twoWrong.Passed));
        Assert.False(twoWrong.Questions.Single(q => q.QuestionId == "barriers").Correct);
    }

    [Fact]
    public async Task The_safeguarding_check_needs_every_answer_right()
    {
        var check = (await ReadAsync("safeguarding-escalation-101")).KnowledgeCheck;

        var result = check.Score(WrongOn(check, "phq9-item9"));

        Assert.Equal((3, 75m, 100, false), (result.Correct, result.ScorePercent, result.PassMarkPercent, result.Passed));
    }

    [Fact]
    public async Task Choosing_only_some_of_the_right_options_gets_a_choose_all_question_wrong()
    {
        var check = (await ReadAsync("privacy-consent-101")).KnowledgeCheck;
        var answers = check.Questions.ToDictionary(q => q.Id, q => q.CorrectOptionIds);
        answers["what-is-phi"] = ["a", "d"];

        var result = check.Score(new KnowledgeCheckAttempt(answers));

        Assert.Equal((3, 75m, true), (result.Correct, result.ScorePercent, result.Passed));
        Assert.Equal(new QuestionResult("what-is-phi", Answered: true, Correct: false), result.Questions.Single(q => q.QuestionId == "what-is-phi"));
    }

    [Fact]
    public async Task An_answer_the_question_does_not_offer_is_rejected_naming_the_question()
    {
        var check = (await ReadAsync("privacy-consent-101")).KnowledgeCheck;

        var error = Assert.Throws<KnowledgeCheckValidationException>(() =>
            check.Score(new KnowledgeCheckAttempt(new Dictionary<string, IReadOnlyList<string>> { ["withdrawn"] = ["z"] })));

        Assert.Equal("withdrawn", error.QuestionId);
    }

    private sealed record ModuleView(string Id, IReadOnlyList<CompetencyOutcome> Outcomes, IReadOnlyList<Lesson> Lessons, KnowledgeCheck KnowledgeCheck);
}
