using Snapshooter.Xunit3;
using SocialPrescribing.Domain.Outcomes;

namespace SocialPrescribing.Documents.Tests;

public sealed class OutcomesReportTests
{
    [Fact]
    public void Outcomes_report_in_english_matches_snapshot() =>
        Snapshot.Match(OutcomeReports.Render(SampleReports.Realistic(), "en"));

    [Fact]
    public void Outcomes_report_in_french_matches_snapshot() =>
        Snapshot.Match(OutcomeReports.Render(SampleReports.Realistic(), "fr"));

    [Fact]
    public void Empty_outcomes_report_in_english_matches_snapshot() =>
        Snapshot.Match(OutcomeReports.Render(SampleReports.Empty(), "en"));

    [Fact]
    public void Empty_outcomes_report_in_french_matches_snapshot() =>
        Snapshot.Match(OutcomeReports.Render(SampleReports.Empty(), "fr"));

    [Theory]
    [InlineData("en", "<html lang=\"en-CA\">", "<title>Program outcomes – Healthy Aging Connect</title>")]
    [InlineData("fr", "<html lang=\"fr-CA\">", "<title>Résultats du programme – Healthy Aging Connect</title>")]
    public void The_report_is_a_complete_page_in_its_language(string lang, string html, string title)
    {
        var page = OutcomeReports.Render(SampleReports.Realistic(), lang);

        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Contains(html, page);
        Assert.Contains(title, page);
        Assert.EndsWith("</html>\n", page.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Every_instrument_has_its_table_and_only_instruments_with_figures_have_a_chart()
    {
        var html = OutcomeReports.Render(SampleReports.Realistic(), "en");

        Assert.Equal(3, Count(html, "<table>"));
        Assert.Equal(3, Count(html, "<svg "));
        Assert.Equal(7, Count(html, "<th scope=\"row\">"));
        Assert.Contains("<th scope=\"row\">Anxiety<span class=\"range\">0 to 10, lower is better</span></th>", html);
        Assert.Contains("No one had both a baseline and a re-measure with this instrument in the period.", html);
        Assert.Contains("Score figures are not available: this instrument is no longer in the program’s catalogue.", html);
    }

    [Fact]
    public void A_score_row_shows_people_means_change_improved_deteriorated_and_threshold()
    {
        var html = OutcomeReports.Render(SampleReports.Realistic(), "en");

        Assert.Contains(
            """
                        <td class="num">41</td>
                        <td class="num">5.62</td>
                        <td class="num">4.10</td>
                        <td class="num">−1.52</td>
                        <td class="num">15 (37%)</td>
                        <td class="num">6</td>
                        <td class="num">2</td>
            """.ReplaceLineEndings("\n"),
            html.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_french_report_writes_numbers_dates_and_times_the_french_way()
    {
        var html = OutcomeReports.Render(SampleReports.Realistic(), "fr");

        Assert.Contains("Du 1er avril 2025 au 31 mars 2026", html);
        Assert.Contains("Produit le 2 avril 2026 à 9 h 15 (America/Edmonton, UTC-06:00)", html);
        Assert.Contains("<td class=\"num\">−1,52</td>", html);
        Assert.Contains("<td class=\"num\">15 (37\u00A0%)</td>", html);
        Assert.Contains("Satisfaction à l’égard de la vie", html);
        Assert.Contains("Bien-être personnel selon l’ONS (ONS4)", html);
        Assert.Contains("<h2 id=\"instrument-5\">legacy-wellbeing</h2>", html);
    }

    [Fact]
    public void The_period_and_generation_time_are_in_the_tenants_terms()
    {
        var html = OutcomeReports.Render(SampleReports.Realistic(), "en");

        Assert.Contains("From April 1, 2025 to March 31, 2026", html);
        Assert.Contains("Generated on April 2, 2026 at 9:15 a.m. (America/Edmonton, UTC-06:00)", html);
    }

    [Fact]
    public void A_report_since_the_start_says_so()
    {
        var html = OutcomeReports.Render(SampleReports.Empty(), "en");

        Assert.Contains("From the start of the program to March 31, 2026", html);
    }

    [Theory]
    [InlineData("en", "No outcomes to report for this period")]
    [InlineData("fr", "Aucun résultat à présenter pour cette période")]
    public void An_empty_report_says_there_is_nothing_to_report(string lang, string message)
    {
        var html = OutcomeReports.Render(SampleReports.Empty(), lang);

        Assert.Contains(message, html);
        Assert.DoesNotContain("<table>", html);
        Assert.DoesNotContain("<svg", html);
    }

    [Fact]
    public void A_report_whose_instruments_have_no_one_re_measured_is_empty_too()
    {
        var report = SampleReports.Report(null, 5, new Domain.Outcomes.InstrumentOutcomeSummary("phq9", "Patient Health Questionnaire-9", 0, 5, []));

        var html = OutcomeReports.Render(report, "en");

        Assert.Contains("No outcomes to report for this period", html);
        Assert.Contains("Patient Health Questionnaire-9", html);
    }

    [Fact]
    public void A_report_with_figures_has_no_empty_state_message()
    {
        var html = OutcomeReports.Render(SampleReports.Realistic(), "en");

        Assert.DoesNotContain("No outcomes to report for this period", html);
    }

    [Theory]
    [InlineData("en", "How people are counted", "their latest re-measure is compared with their baseline")]
    [InlineData("fr", "Comment les personnes sont comptées", "c’est sa mesure la plus récente qui est comparée à sa mesure de départ")]
    public void The_report_explains_how_people_are_counted(string lang, string heading, string latest)
    {
        var html = OutcomeReports.Render(SampleReports.Empty(), lang);

        Assert.Contains(heading, html);
        Assert.Contains(latest, html);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void Each_chart_is_labelled_and_described_for_assistive_technology(string lang)
    {
        var html = OutcomeReports.Render(SampleReports.Realistic(), lang);

        Assert.Contains("role=\"img\" aria-labelledby=\"outcomes-chart-1-title\" aria-describedby=\"outcomes-chart-1-desc\"", html);
        Assert.Contains("<title id=\"outcomes-chart-1-title\">", html);
        Assert.Contains("<desc id=\"outcomes-chart-1-desc\">", html);
        Assert.Contains("<figcaption>", html);
        Assert.Equal(Count(html, "<svg "), Count(html, "<title id="));
    }

    [Fact]
    public void The_chart_description_gives_every_score_in_words()
    {
        var html = OutcomeReports.Render(SampleReports.Realistic(), "en");

        Assert.Contains(
            "<desc id=\"outcomes-chart-2-desc\">Total score (3 to 9, lower is better): 7.42 at baseline, 5.89 at follow-up. "
            + "Direct question (1 to 5, lower is better): 3.61 at baseline, 2.95 at follow-up.</desc>",
            html);
    }

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void One_person_is_written_under_five_with_no_mean_share_or_chart(string lang)
    {
        var report = SampleReports.Empty() with
        {
            Instruments = [SampleReports.Instrument("phq9", SampleReports.Score("total", 0, 27, higherIsBetter: false, 5, 1, 14, 6, improved: 1, deteriorated: 0))],
            Connections = new ConnectionSummary(1, 1, 1m, [new LinkWorkerConnection("lw-1", 1, 1, 1m)]),
        };

        var html = OutcomeReports.Render(report, lang);

        Assert.Contains("<td class=\"num\">&lt;5</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("(100 %)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("(100%)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("14.00", html, StringComparison.Ordinal);
        Assert.DoesNotContain("14,00", html, StringComparison.Ordinal);
    }
}
