using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Documents.Tests;

public sealed class HtmlEncodingTests
{
    private const string ScriptName = "<script>alert(1)</script>";

    [Theory]
    [InlineData("referral-acknowledgement", "en")]
    [InlineData("referral-acknowledgement", "fr")]
    [InlineData("plan-summary", "en")]
    [InlineData("plan-summary", "fr")]
    public void A_client_named_with_a_script_tag_renders_escaped(string template, string lang)
    {
        var state = HostileJourney();

        var html = Documents.Render(template, lang, state);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void Everything_the_journey_says_is_escaped_in_the_plan_summary(string lang)
    {
        var html = Documents.Render("plan-summary", lang, HostileJourney());

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\" onmouseover", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", html);
        Assert.Contains("Club &lt;b&gt;bold&lt;/b&gt; &amp; more", html);
        Assert.Contains("&quot; onmouseover=&quot;alert(3)", html);
        Assert.Contains("lw-&lt;x&gt;", html);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void The_referrer_is_escaped_in_the_acknowledgement(string lang)
    {
        var html = Documents.Render("referral-acknowledgement", lang, HostileJourney());

        Assert.DoesNotContain("<i>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Dr. &lt;i&gt;Who&lt;/i&gt;", html);
        Assert.Contains("Clinic &amp; Co &#39;Ltd&#39;", html);
    }

    private static JourneyState HostileJourney() =>
        new JourneyStateBuilder()
            .Referred(
                SampleJourneys.EnglishClient with { GivenName = ScriptName },
                new ReferrerDetails("Dr. <i>Who</i>", "Clinic & Co 'Ltd'", "family physician"),
                ReferralSource.FamilyPhysician,
                SampleJourneys.ReferredAt,
                "low-mood")
            .Accepted("lw-<x>", SampleJourneys.AcceptedAt, SampleJourneys.AcceptedAt.AddDays(7))
            .Contacted(SampleJourneys.AcceptedAt.AddDays(1))
            .WhatMatters(SampleJourneys.AcceptedAt.AddDays(1), "<img src=x onerror=alert(2)>")
            .PlanAgreed(SampleJourneys.AcceptedAt.AddDays(1), "\" onmouseover=\"alert(3)")
            .CommunityReferral(Guid.NewGuid(), new CommunityProgram("Club <b>bold</b> & more", null, "<b>Org</b>"), SampleJourneys.AcceptedAt.AddDays(2))
            .Build();
}
