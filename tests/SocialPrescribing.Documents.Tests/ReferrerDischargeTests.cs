using Snapshooter.Xunit3;

namespace SocialPrescribing.Documents.Tests;

public sealed class ReferrerDischargeTests
{
    private const string Template = "referrer-discharge";

    [Fact]
    public void The_discharge_letter_in_english_matches_snapshot() =>
        Snapshot.Match(Documents.Render(Template, "en", SampleJourneys.EnglishDischarged()));

    [Fact]
    public void The_discharge_letter_in_french_matches_snapshot() =>
        Snapshot.Match(Documents.Render(Template, "fr", SampleJourneys.FrenchDischarged()));

    [Theory]
    [InlineData("en", "Margaret O&#39;Brien", "May 12, 1948")]
    [InlineData("fr", "Hélène Tremblay", "2 novembre 1951")]
    public void The_letter_identifies_the_person_by_full_name_and_birth_date(string lang, string name, string born)
    {
        var html = Documents.Render(Template, lang, lang == "fr" ? SampleJourneys.FrenchDischarged() : SampleJourneys.EnglishDischarged());

        Assert.Contains(name, html);
        Assert.Contains(born, html);
    }

    [Fact]
    public void It_says_the_needs_the_support_the_programs_connected_and_the_change_in_each_measure()
    {
        var html = Documents.Render(Template, "en", SampleJourneys.EnglishDischarged());

        Assert.Contains("<li>loneliness and isolation</li>", html);
        Assert.Contains("What matters to them: Getting back to my garden", html);
        Assert.Contains("<li>Walking Club (Kensington Seniors&#39; Centre)</li>", html);
        Assert.Contains("<td>PHQ-9</td><td>14 (moderate)</td><td>6 (mild)</td><td>\u22128</td>", html);
        // Measured once, GAD-7 has no change to report; a discharge with a program started is not an early closure.
        Assert.DoesNotContain("GAD-7", html);
        Assert.DoesNotContain("closed early", html);
    }

    [Fact]
    public void A_journey_the_person_declined_says_why_it_closed_early()
    {
        var html = Documents.Render(Template, "en", SampleJourneys.Declined());

        Assert.Contains("Why the journey closed early", html);
        Assert.Contains("declined by the person: Prefers to wait until spring.", html);
        Assert.Contains("None: the person did not start a community program.", html);
    }
}
