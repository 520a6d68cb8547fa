using SocialPrescribing.Abstractions.Assessments;
using SocialPrescribing.Abstractions.Notifications;
using SocialPrescribing.Abstractions.Plugins;
using SocialPrescribing.Abstractions.Training;
using SocialPrescribing.Abstractions.Transport;

namespace SocialPrescribing.Plugins.Tests;

public sealed class SdkTests
{
    private static readonly KnowledgeCheck Check = new()
    {
        PassMarkPercent = 67,
        Questions =
        [
            Question("q1", ["b"]),
            Question("q2", ["a", "c"]),
            Question("q3", ["c"]),
        ],
    };

    [Fact]
    public void The_sdk_reports_its_semantic_version_at_run_time()
    {
        Assert.Equal(new Version(1, 2, 0), SdkVersion.Current);
        Assert.Equal(3, SdkVersion.Current.ToString().Split('.').Length);
    }

    [Fact]
    public void Every_kind_has_a_contract_and_back()
    {
        Assert.Equal(["transport-partner", "training-module", "assessment-instrument", "notification-channel", "directory-source"], PluginKinds.All);
        Assert.Equal(typeof(ITransportPartner), PluginKinds.ContractOf(PluginKinds.TransportPartner));
        Assert.Equal(typeof(ITrainingModule), PluginKinds.ContractOf(PluginKinds.TrainingModule));
        Assert.Equal(typeof(IAssessmentInstrument), PluginKinds.ContractOf(PluginKinds.AssessmentInstrument));
        Assert.Equal(typeof(INotificationChannel), PluginKinds.ContractOf(PluginKinds.NotificationChannel));
        Assert.Equal(typeof(SocialPrescribing.Abstractions.Directory.IDirectorySource), PluginKinds.ContractOf(PluginKinds.DirectorySource));
        Assert.Null(PluginKinds.ContractOf("directory-feed"));
        foreach (var kind in PluginKinds.All)
        {
            Assert.Equal(kind, PluginKinds.KindOf(PluginKinds.ContractOf(kind)!));
        }

        Assert.Null(PluginKinds.KindOf(typeof(string)));
    }

    [Fact]
    public void Kind_attributes_carry_their_kind_and_id()
    {
        Assert.Equal(PluginKinds.TransportPartner, new TransportPartnerAttribute("contoso-rides").Kind);
        Assert.Equal(PluginKinds.TrainingModule, new TrainingModuleAttribute("mi-101").Kind);
        var instrument = new AssessmentInstrumentAttribute("phq9", "1.0", "PHQ-9");
        Assert.Equal(PluginKinds.AssessmentInstrument, instrument.Kind);
        Assert.Equal("phq9", instrument.Id);
        Assert.Equal(PluginKinds.NotificationChannel, new NotificationChannelAttribute("contoso-notify").Kind);
    }

    [Fact]
    public void The_competency_framework_has_three_domains_and_unique_ids()
    {
        Assert.Equal(16, LinkWorkerCompetencies.All.Count);
        Assert.Equal(LinkWorkerCompetencies.All.Count, LinkWorkerCompetencies.All.Select(c => c.Id).Distinct().Count());
        Assert.Equal(8, LinkWorkerCompetencies.All.Count(c => c.Domain == CompetencyDomain.IndividualSupport));
        Assert.Equal(4, LinkWorkerCompetencies.All.Count(c => c.Domain == CompetencyDomain.CommunityEngagement));
        Assert.Equal(4, LinkWorkerCompetencies.All.Count(c => c.Domain == CompetencyDomain.AdministrationAndSustainability));
        Assert.Equal(CompetencyDomain.IndividualSupport, LinkWorkerCompetencies.Find(LinkWorkerCompetencies.MotivationalInterviewing)!.Domain);
        Assert.True(ProficiencyLevel.Foundational < ProficiencyLevel.Developing
            && ProficiencyLevel.Developing < ProficiencyLevel.Proficient
            && ProficiencyLevel.Proficient < ProficiencyLevel.Advanced);
    }

    [Fact]
    public void An_attempt_passes_when_the_share_correct_reaches_the_pass_mark()
    {
        var result = Check.Score(Attempt(("q1", ["b"]), ("q2", ["c", "a"]), ("q3", ["a"])));

        Assert.Equal(2, result.Correct);
        Assert.Equal(3, result.Total);
        Assert.Equal(66.67m, result.ScorePercent);
        Assert.False(result.Passed);
        Assert.Equal([true, true, false], result.Questions.Select(q => q.Correct));

        Assert.True((Check with { PassMarkPercent = 66 }).Score(Attempt(("q1", ["b"]), ("q2", ["a", "c"]))).Passed);
    }

    [Fact]
    public void A_question_is_right_only_with_exactly_its_correct_options()
    {
        var partial = Check.Score(Attempt(("q2", ["a"])));
        var extra = Check.Score(Attempt(("q2", ["a", "b", "c"])));
        var repeated = Check.Score(Attempt(("q2", ["a", "c", "a"])));

        Assert.False(partial.Questions[1].Correct);
        Assert.False(extra.Questions[1].Correct);
        Assert.True(repeated.Questions[1].Correct);
    }

    [Fact]
    public void Unanswered_questions_count_as_wrong()
    {
        var result = Check.Score(Attempt(("q1", [])));

        Assert.Equal(0, result.Correct);
        Assert.All(result.Questions, q => Assert.False(q.Answered));
        Assert.False(result.Passed);
    }

    [Fact]
    public void Answering_a_question_or_option_the_check_does_not_have_is_refused_naming_the_question()
    {
        var unknownQuestion = Assert.Throws<KnowledgeCheckValidationException>(() => Check.Score(Attempt(("q9", ["a"]))));
        var unknownOption = Assert.Throws<KnowledgeCheckValidationException>(() => Check.Score(Attempt(("q3", ["z"]))));

        Assert.Equal("q9", unknownQuestion.QuestionId);
        Assert.Equal("q3", unknownOption.QuestionId);
    }

    [Fact]
    public void An_unsound_check_lists_its_problems_and_cannot_score()
    {
        var unsound = new KnowledgeCheck
        {
            PassMarkPercent = 0,
            Questions = [Question("q1", ["x"]), Question("q1", ["a"]), Question("q2", [])],
        };

        var problems = unsound.Problems();

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("pass mark", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'x' is not one of its options", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'q1' is empty or repeated", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'q2' has no correct option", StringComparison.Ordinal));
        Assert.Throws<InvalidOperationException>(() => unsound.Score(Attempt()));
        Assert.Empty(Check.Problems());
    }

    [Fact]
    public void A_time_window_contains_both_ends()
    {
        var start = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var window = new TimeWindow(start, start.AddMinutes(30));

        Assert.True(window.IsValid);
        Assert.True(window.Contains(start) && window.Contains(start.AddMinutes(30)));
        Assert.False(window.Contains(start.AddMinutes(31)));
        Assert.False(new TimeWindow(start, start.AddMinutes(-1)).IsValid);
    }

    private static KnowledgeCheckQuestion Question(string id, string[] correct) => new()
    {
        Id = id,
        Prompt = "?",
        Options = [new AnswerOption("a", "A"), new AnswerOption("b", "B"), new AnswerOption("c", "C")],
        CorrectOptionIds = correct,
    };

    private static KnowledgeCheckAttempt Attempt(params (string Question, string[] Options)[] answers) =>
        new(answers.ToDictionary(a => a.Question, a => (IReadOnlyList<string>)a.Options));
}
