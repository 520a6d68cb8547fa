using System.Net;

namespace SocialPrescribing.Host.Tests;

/// <summary><c>GET …/reports/outcomes</c> on a host of its own, so the program's numbers are only this test's journeys.</summary>
[Collection(HostCollection.Name)]
public sealed class OutcomeReportTests
{
    private static async Task AssessAsync(HttpClient http, Guid id, string timepoint, params int[] responses)
    {
        var response = await Api.PostAsync(http, $"{Api.Journeys()}/{id}/assessments", new { instrument = "gad7", timepoint, responses });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task The_program_report_counts_people_averages_change_and_renders_html_with_small_numbers_suppressed()
    {
        await using var factory = new JourneyHostFactory();
        using var http = factory.CreateAuthenticatedClient();
        var improved = await Api.EngagedJourneyAsync(http);
        await AssessAsync(http, improved, "baseline", 3, 3, 2, 2, 2, 2, 1);  // 15
        await AssessAsync(http, improved, "follow-up", 2, 2, 1, 1, 1, 1, 1); // 9: -6, meaningful improvement
        var unchanged = await Api.EngagedJourneyAsync(http);
        await AssessAsync(http, unchanged, "baseline", 1, 1, 1, 1, 1, 1, 1); // 7
        await AssessAsync(http, unchanged, "discharge", 1, 1, 1, 1, 1, 1, 2); // 8: +1
        var waiting = await Api.EngagedJourneyAsync(http);
        await AssessAsync(http, waiting, "baseline", 0, 0, 0, 0, 0, 0, 0);

        var report = await Api.ReadAsync(await Api.GetAsync(http, $"/api/v1/tenants/{Api.Tenant}/reports/outcomes?from=2026-01-01"));

        var gad7 = Assert.Single(report["instruments"]!.AsArray())!;
        Assert.Equal((2, 1), (gad7["people"]!.GetValue<int>(), gad7["withBaselineOnly"]!.GetValue<int>()));
        var total = Assert.Single(gad7["scores"]!.AsArray())!;
        Assert.Equal((11m, 8.5m, -2.5m), (total["meanBaseline"]!.GetValue<decimal>(), total["meanFollowUp"]!.GetValue<decimal>(), total["meanChange"]!.GetValue<decimal>()));
        Assert.Equal((1, 0.5m), (total["improved"]!.GetValue<int>(), total["shareImproved"]!.GetValue<decimal>()));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tenants/{Api.Tenant}/reports/outcomes?lang=fr");
        request.Headers.Accept.ParseAdd("text/html");
        var html = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var page = await html.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        // Two people: the printable report writes them "<5" and draws nothing computed over them.
        Assert.Contains("&lt;5", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", page, StringComparison.Ordinal);
        Assert.Contains("lang=\"fr-CA\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Tremblay", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2026-02-30", "from")]
    [InlineData("from=2026-05-01&to=2026-04-01", "from")]
    [InlineData("format=pdf", "format")]
    [InlineData("format=html&lang=de", "lang")]
    public async Task A_bad_period_or_format_is_a_400_naming_the_parameter(string query, string field)
    {
        await using var factory = new JourneyHostFactory();
        using var http = factory.CreateAuthenticatedClient();

        var response = await Api.GetAsync(http, $"/api/v1/tenants/{Api.Tenant}/reports/outcomes?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Api.ReadAsync(response))["errors"]!.AsObject().ContainsKey(field));
    }
}
