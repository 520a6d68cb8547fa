using Microsoft.Extensions.Options;

namespace SocialPrescribing.Host.Tests;

/// <summary>Licensed SWEMWBS wording comes from the tenant's settings; wording that does not fit stops start-up.</summary>
[Collection(HostCollection.Name)]
public sealed class TenantWordingTests
{
    private static Dictionary<string, string> Wording(int items)
    {
        var settings = new Dictionary<string, string>();
        for (var i = 0; i < items; i++)
        {
            settings[$"Tenants:on:Assessments:Swemwbs:ItemTexts:{i}"] = $"Licensed statement {i + 1}";
        }

        return settings;
    }

    [Fact]
    public async Task A_tenant_with_a_licence_sees_the_wording_and_other_tenants_do_not()
    {
        await using var factory = new JourneyHostFactory(settings: Wording(7));
        using var http = factory.CreateAuthenticatedClient();

        var licensed = await Api.ReadAsync(await Api.GetAsync(http, "/api/v1/tenants/on/assessments/instruments/swemwbs"));
        var unlicensed = await Api.ReadAsync(await Api.GetAsync(http, "/api/v1/tenants/ab/assessments/instruments/swemwbs"));

        Assert.True(licensed["licence"]!["itemTextIncluded"]!.GetValue<bool>());
        Assert.Equal("Licensed statement 1", licensed["items"]![0]!["text"]!.GetValue<string>());
        Assert.False(unlicensed["licence"]!["itemTextIncluded"]!.GetValue<bool>());
        Assert.Null(unlicensed["items"]![0]!["text"]);
    }

    [Fact]
    public async Task Wording_for_the_wrong_number_of_items_stops_start_up_naming_the_tenant_and_key()
    {
        await using var factory = new JourneyHostFactory(settings: Wording(3));

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateAuthenticatedClient());

        Assert.Contains("Tenants:on:Assessments:Swemwbs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_translation_that_does_not_fit_its_instrument_stops_start_up_naming_the_tenant_instrument_and_language()
    {
        var settings = new Dictionary<string, string>
        {
            // GAD-7 has seven items of four answers: two texts and three labels fit neither.
            ["Tenants:on:Assessments:Wordings:gad7:fr:ItemTexts:0"] = "Un",
            ["Tenants:on:Assessments:Wordings:gad7:fr:ItemTexts:1"] = "Deux",
            ["Tenants:on:Assessments:Wordings:ons4:EN:ItemTexts:0"] = "Shouting",
            ["Tenants:on:Assessments:Wordings:nosuch:fr:ItemTexts:0"] = "Rien",
        };
        await using var factory = new JourneyHostFactory(settings: settings);

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateAuthenticatedClient());

        Assert.Contains("Tenants:on:Assessments:Wordings:gad7:fr: ItemTexts needs 7 texts", error.Message, StringComparison.Ordinal);
        Assert.Contains("Tenants:on:Assessments:Wordings:ons4:EN: 'EN' is not a two-letter language code", error.Message, StringComparison.Ordinal);
        Assert.Contains("Tenants:on:Assessments:Wordings:nosuch: the tenant has no instrument 'nosuch'", error.Message, StringComparison.Ordinal);
    }
}
