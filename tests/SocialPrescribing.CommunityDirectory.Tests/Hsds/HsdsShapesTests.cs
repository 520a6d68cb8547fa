using System.Text.Json;
using SocialPrescribing.CommunityDirectory.Hsds;

namespace SocialPrescribing.CommunityDirectory.Tests.Hsds;

public sealed class HsdsShapesTests
{
    private static JsonElement FullService() => JsonSerializer.SerializeToElement(HsdsExamples.FullService());

    [Fact]
    public void A_list_item_keeps_the_one_to_one_fields_of_the_record_and_of_what_it_nests()
    {
        var shaped = HsdsShapes.OneToOne(FullService());

        Assert.Equal("Community Counselling", shaped["name"]!.GetValue<string>());
        Assert.Null(shaped["phones"]);
        Assert.Null(shaped["service_at_locations"]);
        Assert.Equal("Example Organization Inc.", shaped["organization"]!["name"]!.GetValue<string>());
        Assert.Null(shaped["organization"]!["funding"]);
        Assert.Empty(HsdsSchemas.Check("service", JsonSerializer.SerializeToElement(shaped)));
    }

    [Fact]
    public void A_service_at_a_location_comes_whole_with_its_service_or_as_its_one_to_one_fields()
    {
        var id = Guid.Parse("e94c9f38-1e8f-4564-91d4-d53501ab1765");

        var full = HsdsShapes.ServiceAtLocation(FullService(), id, full: true)!;
        var listed = HsdsShapes.ServiceAtLocation(FullService(), id, full: false)!;

        Assert.NotNull(full["location"]!["addresses"]);
        Assert.NotNull(full["service"]!["phones"]);
        Assert.Null(full["service"]!["service_at_locations"]);
        Assert.Equal("ac148810-d857-441c-9679-408f346de14b", full["service_id"]!.GetValue<string>());
        Assert.Null(listed["location"]!["addresses"]);
        Assert.Null(listed["service"]!["phones"]);
        Assert.Empty(HsdsSchemas.Check("service_at_location", JsonSerializer.SerializeToElement(full)));
        Assert.Empty(HsdsSchemas.Check("service_at_location", JsonSerializer.SerializeToElement(listed)));
        Assert.Null(HsdsShapes.ServiceAtLocation(FullService(), Guid.NewGuid(), full: true));
    }

    [Fact]
    public void A_service_nested_in_its_organization_leaves_the_organization_out()
    {
        Assert.Null(HsdsShapes.ServiceOfOrganization(FullService(), full: true)["organization"]);
        Assert.NotNull(HsdsShapes.ServiceOfOrganization(FullService(), full: true)["phones"]);
        Assert.Null(HsdsShapes.ServiceOfOrganization(FullService(), full: false)["organization"]);
    }
}
