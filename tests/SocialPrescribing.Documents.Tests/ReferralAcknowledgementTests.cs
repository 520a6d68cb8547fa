using Snapshooter.Xunit3;
using SocialPrescribing.Domain.Tenants;

namespace SocialPrescribing.Documents.Tests;

public sealed class ReferralAcknowledgementTests
{
    private const string Template = "referral-acknowledgement";

    [Fact]
    public void Acknowledgement_in_english_matches_snapshot() =>
        Snapshot.Match(Documents.Render(Template, "en", SampleJourneys.English()));

    [Fact]
    public void Acknowledgement_in_french_matches_snapshot() =>
        Snapshot.Match(Documents.Render(Template, "fr", SampleJourneys.French()));

    [Fact]
    public void Before_acceptance_the_acknowledgement_promises_the_delay_without_a_date()
    {
        var html = Documents.Render(Template, "en", SampleJourneys.JustReferred());

        Assert.Contains("will contact Margaret within 5 business days. ", html);
        Assert.Contains("<li>loneliness and isolation</li>", html);
    }

    [Theory]
    [InlineData("en", "within 1 business day.")]
    [InlineData("fr", "dans un délai de 1 jour ouvrable.")]
    public void A_one_day_deadline_is_written_in_the_singular(string lang, string expected)
    {
        var html = RenderFor(SampleJourneys.Tenant with { FirstContactSlaBusinessDays = 1 }, lang);

        Assert.Contains(expected, html);
    }

    [Theory]
    [InlineData("en", "Please contact Healthy Aging Connect and quote the reference above.")]
    [InlineData("fr", "Veuillez communiquer avec Healthy Aging Connect en indiquant le numéro de référence ci-dessus.")]
    public void Without_a_contact_point_the_acknowledgement_names_the_program_only(string lang, string expected)
    {
        var html = RenderFor(SampleJourneys.Tenant with { ContactPoint = null }, lang);

        Assert.Contains(expected, html);
    }

    private static string RenderFor(TenantSettings tenant, string lang) =>
        Documents.Renderer(new DocumentOptions()).Render(
            Template, lang, DocumentModelBuilder.Build(tenant, SampleJourneys.JourneyId, SampleJourneys.JustReferred(), lang, SampleJourneys.Now));
}
