using System.Text.Json;
using System.Text.Json.Nodes;
using SocialPrescribing.CommunityDirectory.Import;

namespace SocialPrescribing.CommunityDirectory.Tests.Import;

public sealed class HsdsServiceReaderTests
{
    private static JsonNode Example(string file) => HsdsExamples.Load(file);

    private static HsdsServiceBatch Read(JsonNode node) => HsdsExamples.Read(node);

    private static JsonObject FullService() => HsdsExamples.FullService();

    [Fact]
    public void The_official_full_service_example_is_accepted_with_its_nested_objects()
    {
        var batch = Read(new JsonArray(FullService()));

        Assert.Empty(batch.Rejections);
        var service = Assert.Single(batch.Services);
        Assert.Equal(Guid.Parse("ac148810-d857-441c-9679-408f346de14b"), service.Id);
        Assert.True(service.Document.GetProperty("phones").GetArrayLength() > 0);
        Assert.Equal(1, batch.Received);
    }

    [Fact]
    public void An_hsds_page_of_services_is_read_like_an_array()
    {
        var page = Example("service_list.json");

        var batch = Read(page);

        Assert.Empty(batch.Rejections);
        Assert.Equal(page["contents"]!.AsArray().Count, batch.Services.Count);
    }

    [Fact]
    public void A_service_without_a_name_is_left_out_naming_the_field_and_the_others_go_on()
    {
        var nameless = FullService();
        nameless.Remove("name");
        var other = FullService();
        other["id"] = Guid.NewGuid().ToString();

        var batch = Read(new JsonArray(nameless, other));

        var rejection = Assert.Single(batch.Rejections);
        Assert.Equal((0, "ac148810-d857-441c-9679-408f346de14b", "/name"), (rejection.Index, rejection.Id, rejection.Field));
        Assert.Equal(other["id"]!.GetValue<string>(), Assert.Single(batch.Services).Id.ToString());
        Assert.Equal(2, batch.Received);
    }

    [Theory]
    [InlineData("/status", "open")]
    [InlineData("/id", "not-a-uuid")]
    [InlineData("/email", "nobody")]
    [InlineData("/minimum_age", "eight")]
    public void A_field_of_the_wrong_kind_is_named(string field, string value)
    {
        var service = FullService();
        service[field.TrimStart('/')] = value;

        var batch = Read(new JsonArray(service));

        Assert.Empty(batch.Services);
        Assert.Contains(batch.Rejections, r => r.Field == field && r.Index == 0 && r.Reason.Length > 0);
    }

    [Fact]
    public void A_fault_in_a_nested_object_is_named_by_its_path()
    {
        var service = FullService();
        service["phones"]![0]!.AsObject().Remove("number");
        service["languages"]![0]!["id"] = "twelve";

        var batch = Read(new JsonArray(service));

        Assert.Equal(["/languages/0/id", "/phones/0/number"], batch.Rejections.Select(r => r.Field).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_null_property_is_read_as_absent_and_kept_out_of_the_document()
    {
        var service = FullService();
        service["alert"] = null;
        service["phones"]![0]!["extension"] = null;

        var accepted = Assert.Single(Read(new JsonArray(service)).Services);

        Assert.False(accepted.Document.TryGetProperty("alert", out _));
        Assert.False(accepted.Document.GetProperty("phones")[0].TryGetProperty("extension", out _));
    }

    [Fact]
    public void A_null_required_field_is_still_missing()
    {
        var service = FullService();
        service["name"] = null;

        Assert.Equal("/name", Assert.Single(Read(new JsonArray(service)).Rejections).Field);
    }

    [Fact]
    public void A_second_service_with_the_same_id_is_left_out()
    {
        var batch = Read(new JsonArray(FullService(), FullService()));

        Assert.Single(batch.Services);
        var rejection = Assert.Single(batch.Rejections);
        Assert.Equal((1, "/id"), (rejection.Index, rejection.Field));
    }

    [Fact]
    public void A_record_that_is_not_an_object_is_left_out()
    {
        var batch = Read(new JsonArray(JsonValue.Create("a service"), FullService()));

        Assert.Equal(0, Assert.Single(batch.Rejections).Index);
        Assert.Single(batch.Services);
    }

    [Theory]
    [InlineData("\"services\"")]
    [InlineData("{\"services\": []}")]
    public void Something_that_is_not_an_import_is_refused_whole(string json)
    {
        Assert.Throws<HsdsFormatException>(() => HsdsServiceReader.Read(JsonDocument.Parse(json).RootElement));
    }
}
