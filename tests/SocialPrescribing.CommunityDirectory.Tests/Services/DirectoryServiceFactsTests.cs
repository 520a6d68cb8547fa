using System.Text.Json.Nodes;
using SocialPrescribing.CommunityDirectory.Services;

namespace SocialPrescribing.CommunityDirectory.Tests.Services;

public sealed class DirectoryServiceFactsTests
{
    private static DirectoryServiceFacts Facts(JsonObject service) => DirectoryServiceFacts.From(Assert.Single(HsdsExamples.Read(new JsonArray(service)).Services));

    [Fact]
    public void The_full_example_gives_its_organization_ages_languages_terms_and_places()
    {
        var facts = Facts(HsdsExamples.FullService());

        Assert.Equal(("Community Counselling", "active", "Example Organization Inc."), (facts.Name, facts.Status, facts.OrganizationName));
        Assert.Equal(Guid.Parse("d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"), facts.OrganizationId);
        Assert.Equal((12m, 100m), (facts.MinimumAge, facts.MaximumAge));
        Assert.Equal(new DateOnly(2005, 1, 1), facts.AssuredDate);
        Assert.Equal(new DateTimeOffset(2023, 3, 15, 10, 30, 45, 123, TimeSpan.Zero), facts.LastModified);
        Assert.Equal(["ur"], facts.Languages);
        Assert.Equal([Guid.Parse("3f7b145d-84af-42d7-8fae-eaca714b02b2")], facts.TaxonomyTermIds);
        Assert.Equal(ServiceCost.Paid, facts.Cost);
        var place = Assert.Single(facts.Places);
        Assert.Equal(Guid.Parse("e94c9f38-1e8f-4564-91d4-d53501ab1765"), place.ServiceAtLocationId);
        Assert.Equal(("MyCity Civic Center", "ABC1234", "MyCity", true), (place.Name, place.PostalCode, place.City, place.DescribesAccessibility));
        Assert.Contains("Counselling Services provided by trained professionals", facts.SearchText, StringComparison.Ordinal);
        Assert.Contains("Example Organization Inc.", facts.SearchText, StringComparison.Ordinal);
    }

    [Fact]
    public void Coordinates_off_the_globe_are_no_coordinates()
    {
        // The official example puts its civic centre at latitude 100.
        Assert.Null(Assert.Single(Facts(HsdsExamples.FullService()).Places).Latitude);

        var service = HsdsExamples.FullService();
        var location = service["service_at_locations"]![0]!["location"]!;
        location["latitude"] = 45.4215;
        location["longitude"] = -75.6972;

        var place = Assert.Single(Facts(service).Places);
        Assert.Equal((45.4215, -75.6972), (place.Latitude!.Value, place.Longitude!.Value));
    }

    [Theory]
    [InlineData("[0]", null, "Free")]
    [InlineData("[0, 5]", null, "Paid")]
    [InlineData("[]", "Free for residents", "Free")]
    [InlineData("[]", "Gratuit", "Free")]
    [InlineData("[]", "$10 a session", "Paid")]
    [InlineData("[]", null, "Unknown")]
    public void The_cost_is_read_from_the_cost_options_then_the_fees(string amounts, string? fees, string expected)
    {
        var service = HsdsExamples.FullService();
        service.Remove("fees");
        service["fees_description"] = fees;
        service["cost_options"] = new JsonArray([.. JsonNode.Parse(amounts)!.AsArray().Select(a => (JsonNode)new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["amount"] = a!.GetValue<int>() })]);

        Assert.Equal(Enum.Parse<ServiceCost>(expected), Facts(service).Cost);
    }

    [Fact]
    public void The_full_example_names_its_organization_term_and_taxonomy_as_records_of_their_own()
    {
        var records = Facts(HsdsExamples.FullService()).Records;

        Assert.Equal(
            [
                (HsdsRecord.Organization, "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610", "Example Organization Inc.", (Guid?)null, (Guid?)Guid.Parse("cd09a387-91f4-4555-94ec-e799c35344cd")),
                (HsdsRecord.TaxonomyTerm, "3f7b145d-84af-42d7-8fae-eaca714b02b2", "name", Guid.Parse("5c4d79d7-cc55-470e-9f1f-8cad074e4892"), Guid.Parse("0bc248fa-dc27-4650-9ba4-8f1a24ef16a2")),
                (HsdsRecord.Taxonomy, "5c4d79d7-cc55-470e-9f1f-8cad074e4892", "name", null, null),
            ],
            records.Select(r => (r.Table, r.Id.ToString(), r.Name, r.TaxonomyId, r.ParentId)));
        Assert.Contains("non-profit organization", records[0].SearchText, StringComparison.Ordinal);
        Assert.Equal("Example Organization Inc.", JsonNode.Parse(records[0].Document)!["name"]!.GetValue<string>());
    }
}
