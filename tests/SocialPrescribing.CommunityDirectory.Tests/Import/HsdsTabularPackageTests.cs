using System.IO.Compression;
using System.Text.Json.Nodes;
using SocialPrescribing.CommunityDirectory.Import;

namespace SocialPrescribing.CommunityDirectory.Tests.Import;

public sealed class HsdsTabularPackageTests
{
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Examples", "csv");

    private static Dictionary<string, string> OfficialTables() =>
        Directory.GetFiles(Folder, "*.csv").ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.OrdinalIgnoreCase);

    private static MemoryStream Zip(IReadOnlyDictionary<string, string> tables)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, csv) in tables)
            {
                using var writer = new StreamWriter(zip.CreateEntry("hsds/" + name).Open());
                writer.Write(csv);
            }
        }

        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void The_official_package_assembles_into_the_service_the_json_example_describes()
    {
        // (The package's one attribute links to an id no table holds, so unlike the JSON example it has no attribute.)
        var services = HsdsTabularPackage.Assemble(OfficialTables());

        var batch = HsdsServiceReader.Read(services);
        Assert.Empty(batch.Rejections);
        var service = JsonNode.Parse(Assert.Single(batch.Services).Document.GetRawText())!;
        var expected = HsdsExamples.FullService();
        foreach (var path in new[]
        {
            "id", "name", "status", "minimum_age", "organization.name", "phones.0.number", "schedules.0.byday", "languages.0.code",
            "service_at_locations.0.id", "service_at_locations.0.location.name", "service_at_locations.0.location.latitude",
            "service_at_locations.0.location.addresses.0.postal_code", "service_at_locations.0.location.accessibility.0.description",
            "cost_options.0.amount",
        })
        {
            Assert.True(JsonNode.DeepEquals(At(expected, path), At(service, path)), $"{path}: {At(expected, path)} ≠ {At(service, path)}");
        }
    }

    [Fact]
    public void An_attribute_linked_to_a_service_nests_with_its_taxonomy_term_and_taxonomy()
    {
        var tables = OfficialTables();
        tables["attributes.csv"] = tables["attributes.csv"].Replace("f28dd44b-0c4d-479f-8e90-4c52219a8b3c", "ac148810-d857-441c-9679-408f346de14b", StringComparison.Ordinal);
        tables["taxonomy_terms.csv"] = tables["taxonomy_terms.csv"].Replace("07ff6aee-a219-438c-b694-d2fcb6c5373b", "5c4d79d7-cc55-470e-9f1f-8cad074e4892", StringComparison.Ordinal);

        var service = JsonNode.Parse(HsdsTabularPackage.Assemble(tables)[0].GetRawText())!;

        var term = service["attributes"]![0]!["taxonomy_term"]!;
        Assert.Equal("3f7b145d-84af-42d7-8fae-eaca714b02b2", term["id"]!.GetValue<string>());
        Assert.Equal("5c4d79d7-cc55-470e-9f1f-8cad074e4892", term["taxonomy_detail"]!["id"]!.GetValue<string>());
        Assert.Empty(HsdsServiceReader.Read(HsdsTabularPackage.Assemble(tables)).Rejections);
    }

    [Fact]
    public void A_zipped_package_reads_like_its_tables_wherever_they_sit_in_the_zip()
    {
        using var zip = Zip(OfficialTables());

        var services = HsdsTabularPackage.Read(zip);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(HsdsTabularPackage.Assemble(OfficialTables()).GetRawText()), JsonNode.Parse(services.GetRawText())));
    }

    [Fact]
    public void A_cell_that_is_not_of_its_type_is_named_by_the_check()
    {
        var tables = OfficialTables();
        tables["services.csv"] = tables["services.csv"].Replace(",12,100,", ",twelve,100,", StringComparison.Ordinal);

        var batch = HsdsServiceReader.Read(HsdsTabularPackage.Assemble(tables));

        Assert.Contains(batch.Rejections, r => r.Field == "/minimum_age");
    }

    [Fact]
    public void Quoted_cells_keep_their_commas_quotes_and_line_breaks()
    {
        var id = Guid.NewGuid();
        var tables = new Dictionary<string, string>
        {
            ["services.csv"] = $"id,name,status,description\n{id},\"Walk, talk\",active,\"Meets at the \"\"old\"\" mill.\nBring boots.\"\n",
        };

        var service = HsdsTabularPackage.Assemble(tables)[0];

        Assert.Equal("Walk, talk", service.GetProperty("name").GetString());
        Assert.Equal("Meets at the \"old\" mill.\nBring boots.", service.GetProperty("description").GetString());
    }

    [Fact]
    public void A_package_without_services_or_a_file_that_is_not_a_zip_is_refused_whole()
    {
        Assert.Throws<HsdsFormatException>(() => HsdsTabularPackage.Assemble(new Dictionary<string, string> { ["organizations.csv"] = "id,name\n" }));
        using var notZip = new MemoryStream("id,name,status\n"u8.ToArray());
        Assert.Throws<HsdsFormatException>(() => HsdsTabularPackage.Read(notZip));
    }

    private static JsonNode? At(JsonNode node, string path)
    {
        JsonNode? here = node;
        foreach (var step in path.Split('.'))
        {
            here = int.TryParse(step, out var index) ? here?.AsArray()[index] : here?[step];
        }

        return here;
    }
}
