namespace SocialPrescribing.Documents.Tests;

public sealed class PrivacyTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void The_acknowledgement_identifies_the_person_by_full_name_and_birth_date_and_carries_nothing_more(string lang)
    {
        var client = SampleJourneys.EnglishClient;

        var html = Documents.Render("referral-acknowledgement", lang, SampleJourneys.English());

        Assert.Contains("Margaret O&#39;Brien", html);
        Assert.Contains(lang == "fr" ? "12 mai 1948" : "May 12, 1948", html);
        Assert.DoesNotContain(client.Phone!, html);
        Assert.DoesNotContain(client.Email!, html);
        Assert.DoesNotContain(client.PostalCode, html);
    }

    [Theory]
    [InlineData("referral-acknowledgement", "en")]
    [InlineData("referral-acknowledgement", "fr")]
    [InlineData("plan-summary", "en")]
    [InlineData("plan-summary", "fr")]
    [InlineData("social-prescription", "en")]
    [InlineData("social-prescription", "fr")]
    [InlineData("referrer-discharge", "en")]
    [InlineData("referrer-discharge", "fr")]
    public void No_document_carries_notes(string template, string lang)
    {
        var html = Documents.Render(template, lang, SampleJourneys.English());

        Assert.DoesNotContain("notes", html, StringComparison.OrdinalIgnoreCase);
    }
}
