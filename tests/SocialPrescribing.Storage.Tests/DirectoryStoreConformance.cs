using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage.Tests;

/// <summary>
/// What every storage engine must do for the community directory (<see cref="IDirectoryStore"/>), as one set of tests.
/// Each engine's test class derives from this and supplies a fresh, isolated store per test.
/// </summary>
public abstract class DirectoryStoreConformance
{
    protected static readonly TenantId Alberta = TenantId.Parse("ab");
    protected static readonly TenantId Ontario = TenantId.Parse("on");
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    protected abstract IDirectoryStore Directory { get; }

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    protected static DirectoryServiceRecord Service(string name, Guid? id = null, Guid? organization = null, string document = "{}") =>
        new(id ?? Guid.NewGuid(), organization, name, "active", 12m, 99.5m, "free", new DateOnly(2026, 6, 1), T0.AddDays(-3), name + " words",
            document == "{}" ? $$"""{"name":"{{name}}","status":"active"}""" : document);

    [Fact]
    public async Task A_service_reads_back_with_every_fact_and_its_document_exactly()
    {
        var organization = Guid.NewGuid();
        var sent = Service("Walking group", organization: organization, document: """{"name": "Walking group",  "status":"active", "é":"ü"}""");

        var upsert = await Directory.UpsertServicesAsync(Alberta, [sent], T0, Token);
        var found = await Directory.FindServiceAsync(Alberta, sent.Id, Token);

        Assert.Equal(new DirectoryUpsert(1, 0, 0), upsert);
        Assert.Equal(sent with { UpdatedAt = T0 }, found);
    }

    [Fact]
    public async Task The_same_import_twice_changes_nothing_the_second_time()
    {
        var services = new[] { Service("Art club"), Service("Garden share") };
        await Directory.UpsertServicesAsync(Alberta, services, T0, Token);

        var again = await Directory.UpsertServicesAsync(Alberta, services, T0.AddHours(1), Token);

        Assert.Equal(new DirectoryUpsert(0, 0, 2), again);
        Assert.All(await Task.WhenAll(services.Select(s => Directory.FindServiceAsync(Alberta, s.Id, Token))), s => Assert.Equal(T0, s!.UpdatedAt));
    }

    [Fact]
    public async Task A_changed_document_replaces_the_service_and_counts_as_updated()
    {
        var first = Service("Art club");
        await Directory.UpsertServicesAsync(Alberta, [first], T0, Token);
        var changed = first with { Name = "Art club (Tuesdays)", Status = "temporarily closed", Document = """{"name":"Art club (Tuesdays)"}""" };

        var upsert = await Directory.UpsertServicesAsync(Alberta, [changed, Service("Choir")], T0.AddHours(1), Token);

        Assert.Equal(new DirectoryUpsert(1, 1, 0), upsert);
        Assert.Equal(changed with { UpdatedAt = T0.AddHours(1) }, await Directory.FindServiceAsync(Alberta, first.Id, Token));
    }

    [Fact]
    public async Task One_tenants_directory_is_never_anothers()
    {
        var albertan = Service("Prairie walks");
        await Directory.UpsertServicesAsync(Alberta, [albertan], T0, Token);

        Assert.Null(await Directory.FindServiceAsync(Ontario, albertan.Id, Token));
        Assert.Equal(0, (await Directory.ListServicesAsync(Ontario, new DirectoryServiceQuery(), Token)).Total);

        // The same id in another tenant is that tenant's own service.
        Assert.Equal(new DirectoryUpsert(1, 0, 0), await Directory.UpsertServicesAsync(Ontario, [albertan with { Name = "Lakeshore walks" }], T0, Token));
        Assert.Equal("Prairie walks", (await Directory.FindServiceAsync(Alberta, albertan.Id, Token))!.Name);
    }

    [Fact]
    public async Task Services_list_by_name_a_page_at_a_time_with_the_total()
    {
        await Directory.UpsertServicesAsync(Alberta, [Service("choir"), Service("Art club"), Service("Bowls"), Service("Drumming")], T0, Token);

        var first = await Directory.ListServicesAsync(Alberta, new DirectoryServiceQuery(1, 3), Token);
        var second = await Directory.ListServicesAsync(Alberta, new DirectoryServiceQuery(2, 3), Token);

        Assert.Equal(4, first.Total);
        Assert.Equal(["Art club", "Bowls", "choir"], first.Items.Select(s => s.Name));
        Assert.Equal(["Drumming"], second.Items.Select(s => s.Name));
    }

    [Fact]
    public async Task Only_services_changed_after_a_moment_or_of_one_organization_list_when_asked()
    {
        var organization = Guid.NewGuid();
        var old = Service("Old", organization: organization);
        await Directory.UpsertServicesAsync(Alberta, [old, Service("Also old")], T0, Token);
        await Directory.UpsertServicesAsync(Alberta, [Service("New"), old with { Document = """{"changed":true}""" }], T0.AddDays(1), Token);

        var changed = await Directory.ListServicesAsync(Alberta, new DirectoryServiceQuery(ModifiedAfter: T0.AddHours(1)), Token);
        var ofOrganization = await Directory.ListServicesAsync(Alberta, new DirectoryServiceQuery(OrganizationId: organization), Token);

        Assert.Equal(["New", "Old"], changed.Items.Select(s => s.Name));
        Assert.Equal(["Old"], ofOrganization.Items.Select(s => s.Name));
    }

    [Theory]
    [InlineData("theatre", new[] { "Théâtre d'été" })]
    [InlineData("THÉÂTRE ÉTÉ", new[] { "Théâtre d'été" })]
    [InlineData("garden", new[] { "Community gardening", "Garden share" })]
    [InlineData("walk park", new[] { "Walk in the park" })]
    [InlineData("choir", new string[0])]
    [InlineData("--- !!", new[] { "Community gardening", "Garden share", "Théâtre d'été", "Walk club", "Walk in the park" })]
    public async Task A_search_finds_every_word_as_the_start_of_a_word_whatever_its_accents_and_case(string search, string[] expected)
    {
        await Directory.UpsertServicesAsync(
            Alberta, [Service("Théâtre d'été"), Service("Community gardening"), Service("Garden share"), Service("Walk in the park"), Service("Walk club")], T0, Token);
        await Directory.UpsertServicesAsync(Ontario, [Service("Garden of Ontario")], T0, Token);

        var found = await Directory.ListServicesAsync(Alberta, new DirectoryServiceQuery(Search: search), Token);

        Assert.Equal(expected, found.Items.Select(s => s.Name));
        Assert.Equal(expected.Length, found.Total);
    }

    [Fact]
    public async Task A_changed_service_is_found_by_its_new_words_only()
    {
        var service = Service("Knitting circle");
        await Directory.UpsertServicesAsync(Alberta, [service], T0, Token);

        await Directory.UpsertServicesAsync(Alberta, [service with { Name = "Sewing circle", SearchText = "Sewing circle words", Document = """{"name":"Sewing circle"}""" }], T0.AddHours(1), Token);

        Assert.Equal(0, (await Directory.ListServicesAsync(Alberta, new DirectoryServiceQuery(Search: "knitting"), Token)).Total);
        Assert.Equal(1, (await Directory.ListServicesAsync(Alberta, new DirectoryServiceQuery(Search: "sewing"), Token)).Total);
    }

    [Fact]
    public async Task A_batch_with_a_bad_record_writes_nothing()
    {
        var good = Service("Good");

        await Assert.ThrowsAsync<ArgumentException>(() => Directory.UpsertServicesAsync(Alberta, [good, Service("Bad") with { Status = "open" }], T0, Token));
        await Assert.ThrowsAsync<ArgumentException>(() => Directory.UpsertServicesAsync(Alberta, [good, good], T0, Token));

        Assert.Null(await Directory.FindServiceAsync(Alberta, good.Id, Token));
    }

    [Fact]
    public async Task A_large_import_goes_in_whole()
    {
        var services = Enumerable.Range(0, 2_000).Select(i => Service($"Program {i:D4}")).ToList();

        Assert.Equal(new DirectoryUpsert(2_000, 0, 0), await Directory.UpsertServicesAsync(Alberta, services, T0, Token));
        Assert.Equal(2_000, (await Directory.ListServicesAsync(Alberta, new DirectoryServiceQuery(PerPage: 1), Token)).Total);
    }
}
