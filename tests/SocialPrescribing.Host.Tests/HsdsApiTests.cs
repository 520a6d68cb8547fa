using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocialPrescribing.CommunityDirectory.Hsds;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// The HSDS 3 API over HTTP, on the official HSDS examples (CC BY-SA 4.0) and services of our own: every list and
/// record it serves is checked against the HSDS 3 schemas, and each filter finds what it should.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class HsdsApiTests(HostFixture fixture)
{
    // The official full service example: its organization, its one service at a location and its one taxonomy term.
    private const string ExampleService = "ac148810-d857-441c-9679-408f346de14b";
    private const string ExampleOrganization = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610";
    private const string ExampleServiceAtLocation = "e94c9f38-1e8f-4564-91d4-d53501ab1765";
    private const string ExampleTerm = "3f7b145d-84af-42d7-8fae-eaca714b02b2";
    private const string ExampleTaxonomy = "5c4d79d7-cc55-470e-9f1f-8cad074e4892";

    private const string OtherTenant = "on";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Hsds(string tenant = Api.Tenant) => $"/api/v1/tenants/{tenant}/hsds";

    private static JsonNode Example(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "HsdsExamples", file)))!;

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string role = AccessRoles.LinkWorker, HttpContent? content = null, string tenant = Api.Tenant)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(fixture.Factory.DataDirectory, tenant, "hsds-" + role, [role]));
        using var http = fixture.Factory.CreateClient();
        return await http.SendAsync(request, Token);
    }

    private async Task<JsonNode> GetAsync(string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Token)}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!;
    }

    private async Task ImportAsync(JsonNode services)
    {
        using var imported = await SendAsync(HttpMethod.Post, $"/api/v1/tenants/{Api.Tenant}/directory/imports", AccessRoles.TenantAdmin, new StringContent(services.ToJsonString(), Encoding.UTF8, "application/json"));
        var report = await Api.ReadAsync(imported);
        Assert.Equal(0, report["rejected"]!.GetValue<int>());
    }

    private async Task LoadPostalCodesAsync(string csv)
    {
        using var loaded = await SendAsync(HttpMethod.Put, $"/api/v1/tenants/{Api.Tenant}/directory/postal-codes", AccessRoles.TenantAdmin, new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
    }

    /// <summary>Fails naming every fault when <paramref name="record"/> is not a valid HSDS object <paramref name="schema"/>.</summary>
    private static void AssertValid(string schema, JsonNode? record)
    {
        using var document = JsonDocument.Parse(record!.ToJsonString());
        var problems = HsdsSchemas.Check(schema, document.RootElement);
        Assert.True(problems.Count == 0, $"not a valid {schema}: {string.Join("; ", problems.Select(p => $"{p.Field}: {p.Reason}"))}\n{record}");
    }

    /// <summary>The HSDS Page fields, each of the type the HSDS OpenAPI document gives it, and every item valid.</summary>
    private static JsonArray AssertPage(JsonNode page, string schema)
    {
        foreach (var field in new[] { "total_items", "total_pages", "page_number", "size" })
        {
            Assert.Equal(JsonValueKind.Number, page[field]!.GetValueKind());
        }

        foreach (var field in new[] { "first_page", "last_page", "empty" })
        {
            Assert.True(page[field]!.GetValueKind() is JsonValueKind.True or JsonValueKind.False, field);
        }

        var contents = page["contents"]!.AsArray();
        Assert.Equal(contents.Count, page["size"]!.GetValue<int>());
        Assert.All(contents, item => AssertValid(schema, item));
        return contents;
    }

    private static JsonObject Service(string name, params JsonNode[] places) => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["name"] = name,
        ["status"] = "active",
        ["service_at_locations"] = new JsonArray(places),
    };

    private static JsonObject Place(double latitude, double longitude, string postalCode) => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["location"] = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["location_type"] = "physical",
            ["latitude"] = latitude,
            ["longitude"] = longitude,
            ["addresses"] = new JsonArray(new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString(), ["address_1"] = "1 Main St", ["city"] = "Edmonton", ["state_province"] = "AB",
                ["postal_code"] = postalCode, ["country"] = "CA", ["address_type"] = "physical",
            }),
        },
    };

    [Fact]
    public async Task The_root_names_the_hsds_version_the_profile_and_the_openapi_document()
    {
        var root = await GetAsync($"{Hsds()}/");

        Assert.Equal("3.0", root["version"]!.GetValue<string>());
        Assert.True(Uri.IsWellFormedUriString(root["profile"]!.GetValue<string>(), UriKind.Absolute));
        var openApi = new Uri(root["openapi_url"]!.GetValue<string>());
        using var document = await fixture.Factory.CreateClient().GetAsync(openApi.PathAndQuery, Token);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
    }

    [Fact]
    public async Task The_official_example_is_served_schema_valid_by_every_endpoint()
    {
        await ImportAsync(new JsonArray(Example("service_full.json")));

        // Services: a page of one-to-one fields, whole with full=true, id and last_modified with minimal=true, and one whole.
        var listed = AssertPage(await GetAsync($"{Hsds()}/services?organization_id={ExampleOrganization}"), "service");
        var item = Assert.Single(listed)!;
        Assert.Equal(ExampleService, item["id"]!.GetValue<string>());
        Assert.Null(item["phones"]);
        Assert.Equal("Community Counselling", item["name"]!.GetValue<string>());
        Assert.Equal(ExampleOrganization, item["organization"]!["id"]!.GetValue<string>());
        var full = Assert.Single(AssertPage(await GetAsync($"{Hsds()}/services?organization_id={ExampleOrganization}&full=true"), "service"))!;
        Assert.True(JsonNode.DeepEquals(Example("service_full.json"), full));
        var minimal = Assert.Single((await GetAsync($"{Hsds()}/services?organization_id={ExampleOrganization}&minimal=true"))["contents"]!.AsArray())!;
        Assert.Equal(ExampleService, minimal["id"]!.GetValue<string>());
        AssertValid("service", await GetAsync($"{Hsds()}/services/{ExampleService}"));

        // Services at locations: a page, and one whole with its location and its service.
        var places = AssertPage(await GetAsync($"{Hsds()}/service_at_locations?organization_id={ExampleOrganization}"), "service_at_location");
        Assert.Equal(ExampleServiceAtLocation, Assert.Single(places)!["id"]!.GetValue<string>());
        var place = await GetAsync($"{Hsds()}/service_at_locations/{ExampleServiceAtLocation}");
        AssertValid("service_at_location", place);
        Assert.Equal(ExampleService, place["service"]!["id"]!.GetValue<string>());
        AssertValid("service", place["service"]);
        Assert.NotNull(place["location"]!["addresses"]);

        // The organization, the taxonomy and the term the service nests, each on its own.
        var organization = await GetAsync($"{Hsds()}/organizations/{ExampleOrganization}");
        AssertValid("organization", organization);
        Assert.Equal(ExampleService, Assert.Single(organization["services"]!.AsArray())!["id"]!.GetValue<string>());
        var organizations = AssertPage(await GetAsync($"{Hsds()}/organizations?search=example%20org&per_page=1000"), "organization");
        Assert.Contains(organizations, o => o!["id"]!.GetValue<string>() == ExampleOrganization);
        AssertValid("organization", Assert.Single(AssertPage(await GetAsync($"{Hsds()}/organizations?full_service=true&search=" + Uri.EscapeDataString(organization["name"]!.GetValue<string>())), "organization"))!);
        AssertValid("taxonomy", await GetAsync($"{Hsds()}/taxonomies/{ExampleTaxonomy}"));
        Assert.Contains(AssertPage(await GetAsync($"{Hsds()}/taxonomies?per_page=1000"), "taxonomy"), t => t!["id"]!.GetValue<string>() == ExampleTaxonomy);
        AssertValid("taxonomy_term", await GetAsync($"{Hsds()}/taxonomy_terms/{ExampleTerm}"));
        Assert.Contains(AssertPage(await GetAsync($"{Hsds()}/taxonomy_terms?taxonomy_id={ExampleTaxonomy}"), "taxonomy_term"), t => t!["id"]!.GetValue<string>() == ExampleTerm);

        // The service is found by its term and by the term's taxonomy.
        Assert.Contains(AssertPage(await GetAsync($"{Hsds()}/services?taxonomy_term_id={ExampleTerm}"), "service"), s => s!["id"]!.GetValue<string>() == ExampleService);
        Assert.Contains(AssertPage(await GetAsync($"{Hsds()}/services?taxonomy_id={ExampleTaxonomy}"), "service"), s => s!["id"]!.GetValue<string>() == ExampleService);
        Assert.Empty(AssertPage(await GetAsync($"{Hsds()}/services?taxonomy_term_id={Guid.NewGuid()}"), "service"));
    }

    [Fact]
    public async Task The_official_tabular_package_is_served_with_its_organizations_and_places()
    {
        await using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "HsdsExamples", "csv"), "*.csv"))
            {
                archive.CreateEntryFromFile(file, Path.GetFileName(file));
            }
        }

        var content = new ByteArrayContent(zip.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        using var imported = await SendAsync(HttpMethod.Post, $"/api/v1/tenants/{Api.Tenant}/directory/imports", AccessRoles.TenantAdmin, content);
        var report = await Api.ReadAsync(imported);

        Assert.Equal(0, report["rejected"]!.GetValue<int>());
        AssertValid("organization", await GetAsync($"{Hsds()}/organizations/{ExampleOrganization}"));
        AssertValid("service_at_location", await GetAsync($"{Hsds()}/service_at_locations/{ExampleServiceAtLocation}"));
        AssertValid("service", await GetAsync($"{Hsds()}/services/{ExampleService}"));
    }

    [Fact]
    public async Task A_postcode_and_proximity_find_what_is_near_its_centre_nearest_first()
    {
        // Forward sortation areas of our own making, so no other test's centres or services are near them.
        var (centre, east, far) = ((-45.0, 170.0), (-45.0, 170.06), (-46.0, 170.0));
        await LoadPostalCodesAsync("code,latitude,longitude\nX9A,-45.0,170.0\nX9B 1A1,-45.0,170.06\n");
        var here = Service("Hsds proximity here", Place(centre.Item1, centre.Item2, "X9A 1A1"));
        var nearby = Service("Hsds proximity nearby", Place(east.Item1, east.Item2, "X9B 1A1"));
        var away = Service("Hsds proximity away", Place(far.Item1, far.Item2, "X9C 1A1"));
        await ImportAsync(new JsonArray(here, nearby, away));

        // X9A 2B2 is not in the table, but its area X9A is; 10 km reaches the service 4.7 km east, not the one 111 km south.
        var places = AssertPage(await GetAsync($"{Hsds()}/service_at_locations?postcode=x9a%202b2&proximity=10000"), "service_at_location");
        Assert.Equal(["Hsds proximity here", "Hsds proximity nearby"], places.Select(p => p!["service"]!["name"]!.GetValue<string>()));
        Assert.Equal(0, places[0]!["distance"]!.GetValue<double>());
        Assert.InRange(places[1]!["distance"]!.GetValue<double>(), 4_700, 4_750);
        var services = AssertPage(await GetAsync($"{Hsds()}/services?postcode=X9B1A1&proximity=10000"), "service");
        Assert.Equal(["Hsds proximity here", "Hsds proximity nearby"], services.Select(s => s!["name"]!.GetValue<string>()));
        Assert.Equal(3, AssertPage(await GetAsync($"{Hsds()}/services?postcode=X9A&proximity=200000"), "service").Count);

        using var unknown = await SendAsync(HttpMethod.Get, $"{Hsds()}/services?postcode=Z0Z");
        Assert.Contains("postcode", Api.Fields(await Api.ProblemAsync(unknown, HttpStatusCode.BadRequest)));
        using var alone = await SendAsync(HttpMethod.Get, $"{Hsds()}/services?proximity=1000");
        Assert.Contains("proximity", Api.Fields(await Api.ProblemAsync(alone, HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task Ndjson_streams_every_record_one_a_line_without_pages()
    {
        var services = Enumerable.Range(0, 3).Select(i => (JsonNode)Service($"Hsds ndjson {i}")).ToArray();
        await ImportAsync(new JsonArray(services));

        using var response = await SendAsync(HttpMethod.Get, $"{Hsds()}/services?format=ndjson&search=hsds%20ndjson&per_page=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Hsds ndjson 0", "Hsds ndjson 1", "Hsds ndjson 2"], lines.Select(l => JsonNode.Parse(l)!["name"]!.GetValue<string>()));
        Assert.All(lines, l => AssertValid("service", JsonNode.Parse(l)));
    }

    [Theory]
    [InlineData("services?page=0", "page")]
    [InlineData("services?per_page=1001", "per_page")]
    [InlineData("services?format=xml", "format")]
    [InlineData("services?full=yes", "full")]
    [InlineData("services?taxonomy_id=nope", "taxonomy_id")]
    [InlineData("services?modified_after=yesterday", "modified_after")]
    [InlineData("services?postcode=X9A&proximity=-5", "proximity")]
    [InlineData("service_at_locations?minimal=true", "minimal")]
    [InlineData("organizations?full_service=1", "full_service")]
    [InlineData("taxonomy_terms?parent_id=x", "parent_id")]
    [InlineData("taxonomy_terms?top_only=true&parent_id=3f7b145d-84af-42d7-8fae-eaca714b02b2", "top_only")]
    public async Task A_bad_parameter_is_a_400_naming_it(string query, string field)
    {
        using var response = await SendAsync(HttpMethod.Get, $"{Hsds()}/{query}");

        Assert.Contains(field, Api.Fields(await Api.ProblemAsync(response, HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task Records_of_another_tenant_are_not_found()
    {
        await ImportAsync(new JsonArray(Example("service_full.json")));

        foreach (var path in new[] { $"organizations/{ExampleOrganization}", $"taxonomy_terms/{ExampleTerm}", $"service_at_locations/{ExampleServiceAtLocation}" })
        {
            using var response = await SendAsync(HttpMethod.Get, $"{Hsds(OtherTenant)}/{path}", tenant: OtherTenant);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_postal_code_table_names_the_rows_it_leaves_out()
    {
        using var loaded = await SendAsync(
            HttpMethod.Put,
            $"/api/v1/tenants/{Api.Tenant}/directory/postal-codes",
            AccessRoles.TenantAdmin,
            new StringContent("latitude,code,longitude,name\n53.5,T5J,-113.5,Edmonton\n95,T5K,-113.5,x\n53.5,T5L,west,y\n53.5,!!,-113.5,z\n", Encoding.UTF8, "text/csv"));

        var report = await Api.ReadAsync(loaded);
        Assert.Equal(1, report["written"]!.GetValue<int>());
        Assert.Equal(["/latitude", "/longitude", "/code"], report["rejections"]!.AsArray().Select(r => r!["field"]!.GetValue<string>()));

        using var notCsv = await SendAsync(HttpMethod.Put, $"/api/v1/tenants/{Api.Tenant}/directory/postal-codes", AccessRoles.TenantAdmin, new StringContent("code\nT5J\n", Encoding.UTF8, "text/csv"));
        Assert.Contains("$", Api.Fields(await Api.ProblemAsync(notCsv, HttpStatusCode.BadRequest)));
        using var linkWorker = await SendAsync(HttpMethod.Put, $"/api/v1/tenants/{Api.Tenant}/directory/postal-codes", AccessRoles.LinkWorker, new StringContent("code,latitude,longitude\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Forbidden, linkWorker.StatusCode);
    }

    [Fact]
    public async Task A_tenant_that_makes_its_directory_public_is_read_without_signing_in_and_others_are_not()
    {
        await using var factory = new JourneyHostFactory(settings: new Dictionary<string, string> { ["Tenants:on:PublicDirectory"] = "true" });
        using var anonymous = factory.CreateClient();
        var service = Service("Public bowling league");
        using (var import = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tenants/on/directory/imports")
        {
            Content = new StringContent(new JsonArray(service).ToJsonString(), Encoding.UTF8, "application/json"),
        })
        {
            import.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(factory.DataDirectory, "on", "on-admin", [AccessRoles.TenantAdmin]));
            using var imported = await factory.CreateClient().SendAsync(import, Token);
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        using var page = await anonymous.GetAsync("/api/v1/tenants/on/hsds/services?search=bowling", Token);
        using var one = await anonymous.GetAsync($"/api/v1/tenants/on/hsds/services/{service["id"]}", Token);
        using var closed = await anonymous.GetAsync("/api/v1/tenants/ab/hsds/services", Token);
        using var write = await anonymous.PostAsync("/api/v1/tenants/on/directory/imports", new StringContent("[]", Encoding.UTF8, "application/json"), Token);

        var listed = AssertPage(JsonNode.Parse(await page.Content.ReadAsStringAsync(Token))!, "service");
        Assert.Equal(["Public bowling league"], listed.Select(s => s!["name"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, closed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);

        // A member of another tenant reads the public directory as that tenant's, not their own.
        using var visit = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tenants/on/hsds/services?search=bowling");
        visit.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(factory.DataDirectory, Api.Tenant, "ab-reader", [AccessRoles.LinkWorker]));
        using var visited = await factory.CreateClient().SendAsync(visit, Token);
        Assert.Equal(["Public bowling league"], AssertPage(JsonNode.Parse(await visited.Content.ReadAsStringAsync(Token))!, "service").Select(s => s!["name"]!.GetValue<string>()));
    }
}
