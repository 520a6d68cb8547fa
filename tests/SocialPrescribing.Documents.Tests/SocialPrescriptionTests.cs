using Snapshooter.Xunit3;

namespace SocialPrescribing.Documents.Tests;

public sealed class SocialPrescriptionTests
{
    private const string Template = "social-prescription";

    [Fact]
    public void The_prescription_in_english_matches_snapshot() =>
        Snapshot.Match(Documents.Render(Template, "en", SampleJourneys.Prescribed("en")));

    [Fact]
    public void The_prescription_in_french_matches_snapshot() =>
        Snapshot.Match(Documents.Render(Template, "fr", SampleJourneys.Prescribed("fr")));

    [Theory]
    [InlineData("en", "1415 Kensington Rd NW", "Tuesday, 10:00 am to 11:00 am", "free", "403-555-0177, walk@kensington.example", "Tuesday, March 25, 2025, 9:30 am to 10:00 am", "Jordan Okafor")]
    [InlineData("fr", "1415 Kensington Rd NW", "mardi, 10 h 00 à 11 h 00", "gratuit", "403-555-0177, walk@kensington.example", "mardi 25 mars 2025, 9 h 30 à 10 h 00", "Jordan Okafor")]
    public void Each_program_says_what_where_when_cost_and_whom_to_contact_with_the_trips_and_the_link_worker(
        string lang, string where, string when, string cost, string contact, string trip, string linkWorker)
    {
        var html = Documents.Render(Template, lang, SampleJourneys.Prescribed(lang));

        Assert.Contains(where, html);
        Assert.Contains(when, html);
        Assert.Contains($"<dd>{cost}</dd>", html);
        Assert.Contains(contact, html);
        Assert.Contains(trip, html);
        Assert.Contains(linkWorker, html);
        // A program that said no is not on the prescription; one not in the directory is, with what is known.
        Assert.DoesNotContain(lang == "fr" ? "Cercle de soutien" : "Caregiver Support Circle", html);
        Assert.Contains("Hillhurst Community Association", html);
    }
}
