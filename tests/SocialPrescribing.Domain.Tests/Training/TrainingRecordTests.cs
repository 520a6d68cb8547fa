using System.Collections.Immutable;
using System.Text.Json;
using SocialPrescribing.Abstractions.Training;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Training;
using SocialPrescribing.Domain.Tests.Support;

namespace SocialPrescribing.Domain.Tests.Training;

public sealed class TrainingRecordTests
{
    private static readonly ImmutableArray<CompetencyAchievement> Outcomes =
    [
        new(LinkWorkerCompetencies.WhatMattersConversations, CompetencyDomain.IndividualSupport, ProficiencyLevel.Developing),
    ];

    private static StartModule Start(string module = "listening-101") =>
        new(module, "1.0", "good-rides") { CommandId = Guid.NewGuid(), Actor = "lw-amara" };

    private static RecordKnowledgeCheck Check(bool passed, string module = "listening-101", ProficiencyLevel level = ProficiencyLevel.Developing) =>
        new(module, passed ? 4 : 1, 4, passed ? 100m : 25m, 75, passed, [new TrainingAnswer("q1", ["b"], passed)], [Outcomes[0] with { Level = level }])
        {
            CommandId = Guid.NewGuid(),
            Actor = "lw-amara",
        };

    private static TrainingRecord Run(params TrainingCommand[] commands)
    {
        var record = TrainingRecord.Empty;
        foreach (var command in commands)
        {
            var decision = TrainingDecider.Decide(record, command, Fixed.Now);
            Assert.Null(decision.Rejection);
            record = decision.Events.Aggregate(record, (r, e) => r.Apply(e));
        }

        return record;
    }

    [Fact]
    public void A_failed_attempt_is_kept_and_a_pass_completes_the_module_with_its_outcomes()
    {
        var record = Run(Start(), Check(passed: false), Check(passed: true));

        var module = Assert.Single(record.Modules);
        Assert.Equal((2, 100m, true), (module.Attempts, module.BestScorePercent!.Value, module.IsCompleted));
        Assert.Equal(Outcomes, module.Achievements);
        Assert.Equal(4, record.Version);
    }

    [Fact]
    public void The_profile_lists_every_competency_with_the_highest_level_evidenced()
    {
        var record = Run(Start("a"), Check(true, "a", ProficiencyLevel.Foundational), Start("b"), Check(true, "b", ProficiencyLevel.Proficient), Start("c"), Check(false, "c", ProficiencyLevel.Advanced));

        var profile = record.Competencies();

        Assert.Equal(LinkWorkerCompetencies.All.Count, profile.Length);
        var whatMatters = profile.Single(c => c.Competency.Id == LinkWorkerCompetencies.WhatMattersConversations);
        Assert.Equal(ProficiencyLevel.Proficient, whatMatters.Level);
        Assert.Equal(["a", "b"], whatMatters.EvidencedBy);
        Assert.All(profile.Where(c => c.Competency.Id != LinkWorkerCompetencies.WhatMattersConversations), c => Assert.Null(c.Level));
    }

    [Fact]
    public void A_check_before_starting_or_after_completing_is_refused_and_restarting_changes_nothing()
    {
        var completed = Run(Start(), Check(true));
        var started = Run(Start());

        Assert.Equal(RejectionKind.Conflict, TrainingDecider.Decide(TrainingRecord.Empty, Check(true), Fixed.Now).Rejection?.Kind);
        Assert.Equal(RejectionKind.Conflict, TrainingDecider.Decide(completed, Check(true), Fixed.Now).Rejection?.Kind);
        Assert.Equal(RejectionKind.Conflict, TrainingDecider.Decide(completed, Start(), Fixed.Now).Rejection?.Kind);
        var again = TrainingDecider.Decide(started, Start(), Fixed.Now);
        Assert.Null(again.Rejection);
        Assert.Empty(again.Events);
    }

    [Fact]
    public void Training_events_round_trip_through_json()
    {
        var decision = TrainingDecider.Decide(Run(Start()), Check(true), Fixed.Now);

        foreach (var e in decision.Events)
        {
            var json = JsonSerializer.Serialize(e, JourneyJson.Options);
            var back = JsonSerializer.Deserialize<TrainingEvent>(json, JourneyJson.Options)!;
            Assert.Equal(json, JsonSerializer.Serialize(back, JourneyJson.Options));
            Assert.Contains($"\"type\":\"{e.Type}\"", json, StringComparison.Ordinal);
        }
    }
}
