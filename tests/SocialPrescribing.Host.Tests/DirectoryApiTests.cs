using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Host.Tests;

/// <summary>The community directory over HTTP: a tenant admin imports HSDS 3 services, every member reads them back.</summary>
[Collection(HostCollection.Name)]
public sealed class DirectoryApiTests(HostFixture fixture)
{
    private const string Admin = "directory-admin";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Imports(string tenant = Api.Tenant) => $"/api/v1/tenants/{tenant}/directory/imports";

    private static string Services(string tenant = Api.Tenant) => $"/api/v1/tenants/{tenant}/hsds/services";

    private static JsonObject Service(Guid id, string name, string status = "active") => new()
    {
        ["id"] = id.ToString(),
        ["name"] = name,
        ["status"] = status,
        ["description"] = $"{name}: a weekly group in the community.",
        ["minimum_age"] = 18,
        ["languages"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = "French", ["code"] = "fr" }),
    };

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string role, string? body = null, string tenant = Api.Tenant, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(fixture.Factory.DataDirectory, tenant, role == AccessRoles.TenantAdmin ? Admin : "someone-" + role, [role]));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        using var http = fixture.Factory.CreateClient();
        return await http.SendAsync(request, Token);
    }

    [Fact]
    public async Task An_admin_imports_services_and_a_link_worker_reads_them_back_as_hsds()
    {
        var walk = Guid.NewGuid();
        var choir = Guid.NewGuid();
        var sent = new JsonArray(Service(walk, "Walk and talk"), Service(choir, "Community choir"), Service(Guid.NewGuid(), "Closed café", status: "open"));

        using var imported = await SendAsync(HttpMethod.Post, Imports(), AccessRoles.TenantAdmin, sent.ToJsonString());

        var report = await Api.ReadAsync(imported);
        Assert.Equal((3, 2, 0, 0, 1), (report["received"]!.GetValue<int>(), report["imported"]!.GetValue<int>(), report["updated"]!.GetValue<int>(), report["unchanged"]!.GetValue<int>(), report["rejected"]!.GetValue<int>()));
        var rejection = Assert.Single(report["rejections"]!.AsArray())!;
        Assert.Equal((2, "/status"), (rejection["index"]!.GetValue<int>(), rejection["field"]!.GetValue<string>()));

        using var one = await SendAsync(HttpMethod.Get, $"{Services()}/{walk}", AccessRoles.LinkWorker);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal("application/json", one.Content.Headers.ContentType!.MediaType);
        Assert.True(JsonNode.DeepEquals(sent[0], JsonNode.Parse(await one.Content.ReadAsStringAsync(Token))));

        using var listed = await SendAsync(HttpMethod.Get, $"{Services()}?per_page=1000", AccessRoles.LinkWorker);
        var page = await Api.ReadAsync(listed);
        Assert.True(page["first_page"]!.GetValue<bool>());
        Assert.Equal(page["total_items"]!.GetValue<long>(), page["size"]!.GetValue<long>());
        var ids = page["contents"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).ToList();
        Assert.Contains(walk.ToString(), ids);
        Assert.Contains(choir.ToString(), ids);
    }

    [Fact]
    public async Task The_tabular_package_as_a_zip_imports_services_with_their_organization_and_places()
    {
        var service = Guid.NewGuid();
        var organization = Guid.NewGuid();
        var place = Guid.NewGuid();
        var location = Guid.NewGuid();
        var tables = new Dictionary<string, string>
        {
            ["services.csv"] = $"id,organization_id,name,status,minimum_age\n{service},{organization},\"Garden share, Tuesdays\",active,16\n",
            ["organizations.csv"] = $"id,name,description\n{organization},Green Streets,A neighbourhood charity.\n",
            ["service_at_location.csv"] = $"id,service_id,location_id\n{place},{service},{location}\n",
            ["locations.csv"] = $"id,location_type,name,latitude,longitude\n{location},physical,Allotments,53.5461,-113.4938\n",
        };
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, csv) in tables)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                await writer.WriteAsync(csv);
            }
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, Imports()) { Content = new ByteArrayContent(zip.ToArray()) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(fixture.Factory.DataDirectory, Api.Tenant, Admin, [AccessRoles.TenantAdmin]));
        using var http = fixture.Factory.CreateClient();
        using var imported = await http.SendAsync(request, Token);

        Assert.Equal(1, (await Api.ReadAsync(imported))["imported"]!.GetValue<int>());
        using var read = await SendAsync(HttpMethod.Get, $"{Services()}/{service}", AccessRoles.LinkWorker);
        var document = JsonNode.Parse(await read.Content.ReadAsStringAsync(Token))!;
        Assert.Equal("Garden share, Tuesdays", document["name"]!.GetValue<string>());
        Assert.Equal(16, document["minimum_age"]!.GetValue<decimal>());
        Assert.Equal("Green Streets", document["organization"]!["name"]!.GetValue<string>());
        Assert.Equal(53.5461m, document["service_at_locations"]![0]!["location"]!["latitude"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_zip_that_is_not_a_zip_is_a_400()
    {
        using var response = await SendAsync(HttpMethod.Post, Imports(), AccessRoles.TenantAdmin, "id,name,status", contentType: "application/zip");

        Assert.Equal(["$"], Api.Fields(await Api.ProblemAsync(response, HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task The_same_import_again_changes_nothing_and_a_changed_service_is_updated()
    {
        var id = Guid.NewGuid();
        var body = new JsonArray(Service(id, "Tai chi in the park")).ToJsonString();
        using (await SendAsync(HttpMethod.Post, Imports(), AccessRoles.TenantAdmin, body))
        {
        }

        using var again = await SendAsync(HttpMethod.Post, Imports(), AccessRoles.TenantAdmin, body);
        using var changed = await SendAsync(HttpMethod.Post, Imports(), AccessRoles.TenantAdmin, new JsonArray(Service(id, "Tai chi in the park (Saturdays)")).ToJsonString());

        Assert.Equal(1, (await Api.ReadAsync(again))["unchanged"]!.GetValue<int>());
        Assert.Equal(1, (await Api.ReadAsync(changed))["updated"]!.GetValue<int>());
        using var read = await SendAsync(HttpMethod.Get, $"{Services()}/{id}", AccessRoles.Supervisor);
        Assert.Equal("Tai chi in the park (Saturdays)", JsonNode.Parse(await read.Content.ReadAsStringAsync(Token))!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_tenants_directory_is_not_visible()
    {
        var id = Guid.NewGuid();
        using (await SendAsync(HttpMethod.Post, Imports(), AccessRoles.TenantAdmin, new JsonArray(Service(id, "Prairie garden")).ToJsonString()))
        {
        }

        using var elsewhere = await SendAsync(HttpMethod.Get, $"{Services("on")}/{id}", AccessRoles.LinkWorker, tenant: "on");

        await Api.ProblemAsync(elsewhere, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_admins_import_and_nobody_without_a_token()
    {
        var body = new JsonArray(Service(Guid.NewGuid(), "Knitting circle")).ToJsonString();

        using var worker = await SendAsync(HttpMethod.Post, Imports(), AccessRoles.LinkWorker, body);
        using var anonymous = await fixture.Factory.CreateClient().PostAsync(Imports(), new StringContent(body, Encoding.UTF8, "application/json"), Token);

        await Api.ProblemAsync(worker, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Theory]
    [InlineData("[{\"id\": 1,}]", "$")]
    [InlineData("{\"services\": []}", "$")]
    [InlineData("[{\"name\": \"a\", \"name\": \"b\"}]", "$")]
    public async Task What_is_not_an_import_is_a_400_naming_the_field(string body, string field)
    {
        using var response = await SendAsync(HttpMethod.Post, Imports(), AccessRoles.TenantAdmin, body);

        Assert.Contains(field, Api.Fields(await Api.ProblemAsync(response, HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task An_import_over_the_size_limit_is_a_413_whether_json_or_zip_and_writes_nothing()
    {
        await using var small = new JourneyHostFactory(settings: new Dictionary<string, string> { ["Api:MaxImportBytes"] = "1024" });
        using var http = small.CreateClient();
        var id = Guid.NewGuid();
        var body = new JsonArray(Service(id, "Long walk " + new string('x', 2_000))).ToJsonString();

        foreach (var contentType in new[] { "application/json", "application/zip" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Imports()) { Content = new StringContent(body, Encoding.UTF8, contentType) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(small.DataDirectory, Api.Tenant, Admin, [AccessRoles.TenantAdmin]));
            using var response = await http.SendAsync(request, Token);
            await Api.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        }

        using var read = new HttpRequestMessage(HttpMethod.Get, $"{Services()}/{id}");
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(small.DataDirectory, Api.Tenant, "someone", [AccessRoles.LinkWorker]));
        using var missing = await http.SendAsync(read, Token);
        await Api.ProblemAsync(missing, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_import_sent_as_another_media_type_is_a_415()
    {
        using var response = await SendAsync(HttpMethod.Post, Imports(), AccessRoles.TenantAdmin, "[]", contentType: "text/csv");

        await Api.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("per_page=1001", "per_page")]
    [InlineData("modified_after=yesterday", "modified_after")]
    [InlineData("organization_id=acme", "organization_id")]
    public async Task A_bad_list_parameter_is_a_400_naming_it(string query, string field)
    {
        using var response = await SendAsync(HttpMethod.Get, $"{Services()}?{query}", AccessRoles.LinkWorker);

        Assert.Equal([field], Api.Fields(await Api.ProblemAsync(response, HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task A_search_finds_services_whatever_their_accents_and_only_in_the_tenant()
    {
        var theatre = Guid.NewGuid();
        var word = "Théâtre" + Guid.NewGuid().ToString("N")[..8];
        using (await SendAsync(HttpMethod.Post, Imports(), AccessRoles.TenantAdmin, new JsonArray(Service(theatre, $"{word} communautaire"), Service(Guid.NewGuid(), "Boxing club")).ToJsonString()))
        {
        }

        using var found = await SendAsync(HttpMethod.Get, $"{Services()}?search={Uri.EscapeDataString(DirectorySearchFolding(word) + " COMMUNAUT")}", AccessRoles.LinkWorker);
        using var elsewhere = await SendAsync(HttpMethod.Get, $"{Services("on")}?search={Uri.EscapeDataString(word)}", AccessRoles.LinkWorker, tenant: "on");
        using var tooLong = await SendAsync(HttpMethod.Get, $"{Services()}?search={new string('a', 501)}", AccessRoles.LinkWorker);

        var page = await Api.ReadAsync(found);
        Assert.Equal(theatre.ToString(), Assert.Single(page["contents"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal(0, (await Api.ReadAsync(elsewhere))["total_items"]!.GetValue<int>());
        Assert.Equal(["search"], Api.Fields(await Api.ProblemAsync(tooLong, HttpStatusCode.BadRequest)));
    }

    /// <summary>The word as someone without accents on their keyboard types it.</summary>
    private static string DirectorySearchFolding(string word) => word.Replace("é", "e", StringComparison.Ordinal).Replace("â", "a", StringComparison.Ordinal);

    [Fact]
    public async Task A_service_the_directory_does_not_have_is_a_404()
    {
        using var response = await SendAsync(HttpMethod.Get, $"{Services()}/{Guid.NewGuid()}", AccessRoles.CommunityPartner);

        await Api.ProblemAsync(response, HttpStatusCode.NotFound);
    }
}
