using SocialPrescribing.Domain.Outcomes;

namespace SocialPrescribing.Documents.Tests;

public sealed class ReportHtmlEncodingTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void A_program_named_with_a_script_tag_renders_escaped(string lang)
    {
        var html = OutcomeReports.Render(SampleReports.Realistic(), lang, "<script>alert(1)</script>");

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void What_a_plugin_instrument_calls_itself_and_its_scores_renders_escaped(string lang)
    {
        var report = SampleReports.Report(
            null,
            5,
            new InstrumentOutcomeSummary(
                "x\" onmouseover=\"alert(3)",
                "<script>alert(1)</script> & <img src=x onerror=alert(2)>",
                5,
                0,
                [SampleReports.Score("<b>bold</b>", 0, 10, higherIsBetter: true, 2, 5, 4, 6)]));

        var html = OutcomeReports.Render(report, lang);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\" onmouseover", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<title id=\"outcomes-chart-1-title\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;", html);
        Assert.Contains("class=\"instrument instrument-x&quot; onmouseover=&quot;alert(3)\"", html);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", html);
    }
}
