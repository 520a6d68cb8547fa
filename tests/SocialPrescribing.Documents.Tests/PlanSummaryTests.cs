using Snapshooter.Xunit3;

namespace SocialPrescribing.Documents.Tests;

public sealed class PlanSummaryTests
{
    private const string Template = "plan-summary";

    [Fact]
    public void Plan_summary_in_english_matches_snapshot() =>
        Snapshot.Match(Documents.Render(Template, "en", SampleJourneys.English()));

    [Fact]
    public void Plan_summary_in_french_matches_snapshot() =>
        Snapshot.Match(Documents.Render(Template, "fr", SampleJourneys.French()));

    [Fact]
    public void A_plan_summary_of_a_new_referral_says_what_is_still_to_come()
    {
        var html = Documents.Render(Template, "en", SampleJourneys.JustReferred());

        Assert.Contains("We have not yet talked together about what matters to you.", html);
        Assert.Contains("No goals agreed yet.", html);
        Assert.Contains("You have not been connected to a community program yet.", html);
        Assert.Contains("No follow-up scheduled yet.", html);
        Assert.Contains("A link worker will be in touch with you soon.", html);
        Assert.DoesNotContain("<ul>", html);
        Assert.DoesNotContain("<table>", html);
    }

    [Fact]
    public void A_plan_summary_of_a_new_referral_in_french_says_what_is_still_to_come()
    {
        var html = Documents.Render(Template, "fr", SampleJourneys.JustReferred());

        Assert.Contains("Nous n’avons pas encore parlé ensemble de ce qui compte pour vous.", html);
        Assert.Contains("Aucun objectif n’a encore été fixé.", html);
        Assert.Contains("Aucune demande n’a encore été faite auprès d’un programme communautaire.", html);
        Assert.Contains("Aucun suivi n’est prévu pour le moment.", html);
        Assert.Contains("Une intervenante ou un intervenant de liaison communiquera bientôt avec vous.", html);
    }
}
