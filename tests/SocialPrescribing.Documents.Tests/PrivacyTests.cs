namespace SocialPrescribing.Documents.Tests;

public sealed class PrivacyTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void The_acknowledgement_names_the_person_by_given_name_and_family_initial_only(string lang)
    {
        var client = SampleJourneys.EnglishClient;

        var html = Documents.Render("referral-acknowledgement", lang, SampleJourneys.English());

        Assert.Contains("Margaret O.", html);
        Assert.DoesNotContain("Brien", html);
        Assert.DoesNotContain(client.BirthDate.Year.ToString(), html);
        Assert.DoesNotContain(client.Phone!, html);
        Assert.DoesNotContain(client.Email!, html);
        Assert.DoesNotContain(client.PostalCode, html);
    }

    [Theory]
    [InlineData("referral-acknowledgement", "en")]
    [InlineData("referral-acknowledgement", "fr")]
    [InlineData("plan-summary", "en")]
    [InlineData("plan-summary", "fr")]
    public void No_document_carries_notes(string template, string lang)
    {
        var html = Documents.Render(template, lang, SampleJourneys.English());

        Assert.DoesNotContain("notes", html, StringComparison.OrdinalIgnoreCase);
    }
}
