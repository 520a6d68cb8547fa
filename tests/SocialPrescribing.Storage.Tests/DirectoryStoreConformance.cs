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
        await Directory.UpsertServicesAsync(Alberta, [service, Service("Mending circle")], T0, Token);
        Assert.Equal(["Knitting circle", "Mending circle"], await NamesAsync(new DirectoryServiceQuery(Search: "circle")));

        await Directory.UpsertServicesAsync(Alberta, [service with { Name = "Sewing circle", SearchText = "Sewing circle words", Document = """{"name":"Sewing circle"}""" }], T0.AddHours(1), Token);

        Assert.Equal(0, (await Directory.ListServicesAsync(Alberta, new DirectoryServiceQuery(Search: "knitting"), Token)).Total);
        Assert.Equal(1, (await Directory.ListServicesAsync(Alberta, new DirectoryServiceQuery(Search: "sewing"), Token)).Total);
        // Ordered by the new name, a page at a time.
        Assert.Equal(["Mending circle", "Sewing circle"], await NamesAsync(new DirectoryServiceQuery(Search: "circle")));
        var second = await Directory.ListServicesAsync(Alberta, new DirectoryServiceQuery(Search: "circle", Page: 2, PerPage: 1), Token);
        Assert.Equal(["Sewing circle"], second.Items.Select(s => s.Name));
        Assert.Equal(2, second.Total);
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
    public async Task The_same_new_services_imported_twice_at_once_go_in_once()
    {
        var services = Enumerable.Range(0, 200).Select(i => Service($"Program {i:D3}") with { Locations = [new DirectoryServiceLocation(Guid.NewGuid(), null, 53.5, -113.5, null)] }).ToList();

        var both = await Task.WhenAll(Directory.UpsertServicesAsync(Alberta, services, T0, Token), Directory.UpsertServicesAsync(Alberta, services, T0, Token));

        Assert.Equal([new DirectoryUpsert(0, 0, 200), new DirectoryUpsert(200, 0, 0)], both.OrderBy(u => u.Imported));
        Assert.Equal(200, (await Directory.ListServiceAtLocationsAsync(Alberta, new DirectoryServiceQuery(PerPage: 1), Token)).Total);
    }

    [Fact]
    public async Task A_large_import_goes_in_whole()
    {
        var services = Enumerable.Range(0, 2_000).Select(i => Service($"Program {i:D4}")).ToList();

        Assert.Equal(new DirectoryUpsert(2_000, 0, 0), await Directory.UpsertServicesAsync(Alberta, services, T0, Token));
        Assert.Equal(2_000, (await Directory.ListServicesAsync(Alberta, new DirectoryServiceQuery(PerPage: 1), Token)).Total);
    }

    // Edmonton's city hall, a place 5 km east of it, and Calgary (about 280 km south).
    private static readonly (double Latitude, double Longitude) Edmonton = (53.5444, -113.4909);
    private static readonly (double Latitude, double Longitude) EastEdmonton = (53.5444, -113.4153);
    private static readonly (double Latitude, double Longitude) Calgary = (51.0447, -114.0719);

    private static DirectoryServiceLocation At((double Latitude, double Longitude) place, string? postalCode = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), place.Latitude, place.Longitude, postalCode);

    private static DirectoryRecord Term(string name, Guid taxonomy, Guid? parent = null) =>
        new(DirectoryRecordKinds.TaxonomyTerm, Guid.NewGuid(), name, taxonomy, parent, name, $$"""{"name":"{{name}}"}""");

    [Fact]
    public async Task Services_of_a_taxonomy_term_or_of_any_term_of_a_taxonomy_list_when_asked()
    {
        var (activities, needs) = (Guid.NewGuid(), Guid.NewGuid());
        var (walking, art, isolation) = (Term("Walking", activities), Term("Art", activities), Term("Isolation", needs));
        var walk = Service("Walk club") with { TaxonomyTermIds = [walking.Id, isolation.Id] };
        var paint = Service("Paint together") with { TaxonomyTermIds = [art.Id] };
        await Directory.UpsertAsync(Alberta, [walk, paint, Service("Untagged")], [walking, art, isolation], T0, Token);

        Assert.Equal(["Walk club"], await NamesAsync(new DirectoryServiceQuery(TaxonomyTermId: walking.Id)));
        Assert.Equal(["Paint together", "Walk club"], await NamesAsync(new DirectoryServiceQuery(TaxonomyId: activities)));
        Assert.Equal(["Walk club"], await NamesAsync(new DirectoryServiceQuery(TaxonomyId: needs)));

        // A changed service carries its new terms only.
        await Directory.UpsertServicesAsync(Alberta, [walk with { Document = """{"v":2}""", TaxonomyTermIds = [art.Id] }], T0.AddHours(1), Token);
        Assert.Equal(["Paint together", "Walk club"], await NamesAsync(new DirectoryServiceQuery(TaxonomyTermId: art.Id)));
        Assert.Empty(await NamesAsync(new DirectoryServiceQuery(TaxonomyTermId: walking.Id)));
    }

    [Fact]
    public async Task Services_in_an_area_list_when_asked_and_their_locations_nearest_first_with_the_distance()
    {
        var downtown = Service("Downtown choir") with { Locations = [At(Edmonton, "T5J2R7")] };
        var east = Service("East end garden") with { Locations = [At(EastEdmonton)] };
        var both = Service("Art everywhere") with { Locations = [At(Calgary), At(EastEdmonton)] };
        var nowhere = Service("Online peer support") with { Locations = [new DirectoryServiceLocation(Guid.NewGuid(), null, null, null, "T5K")] };
        await Directory.UpsertServicesAsync(Alberta, [downtown, east, both, nowhere], T0, Token);
        var near = new DirectoryArea(Edmonton.Latitude, Edmonton.Longitude, 10_000);

        Assert.Equal(["Art everywhere", "Downtown choir", "East end garden"], await NamesAsync(new DirectoryServiceQuery(Near: near)));
        Assert.Equal(["Downtown choir"], await NamesAsync(new DirectoryServiceQuery(Near: near with { Meters = 1_000 })));

        var places = await Directory.ListServiceAtLocationsAsync(Alberta, new DirectoryServiceQuery(Near: near), Token);
        Assert.Equal(3, places.Total);
        // Two at the same distance: by service name.
        Assert.Equal([downtown.Locations[0].Id, both.Locations[1].Id, east.Locations[0].Id], places.Items.Select(p => p.Location.Id));
        Assert.Equal(0, places.Items[0].DistanceMeters!.Value, 1);
        // 0.0756 degrees of longitude at 53.5444° N is 5.0 km.
        Assert.InRange(places.Items[1].DistanceMeters!.Value, 4_950, 5_050);
        Assert.Equal(places.Items[1].DistanceMeters!.Value, DirectoryArea.DistanceMeters(Edmonton.Latitude, Edmonton.Longitude, EastEdmonton.Latitude, EastEdmonton.Longitude), 3);
        Assert.Equal("T5J2R7", places.Items[0].Location.PostalCode);

        // Without an area: every location, by service name.
        var all = await Directory.ListServiceAtLocationsAsync(Alberta, new DirectoryServiceQuery(PerPage: 10), Token);
        Assert.Equal(5, all.Total);
        Assert.Equal(["Art everywhere", "Art everywhere", "Downtown choir", "East end garden", "Online peer support"], all.Items.Select(p => p.Service.Name));
        Assert.All(all.Items, p => Assert.Null(p.DistanceMeters));
    }

    [Fact]
    public async Task A_service_at_a_location_is_found_by_its_id_in_its_own_tenant_only()
    {
        var choir = Service("Choir") with { Locations = [At(Edmonton, "T5J2R7")] };
        await Directory.UpsertServicesAsync(Alberta, [choir], T0, Token);

        var found = await Directory.FindServiceAtLocationAsync(Alberta, choir.Locations[0].Id, Token);

        Assert.Equal(choir.Locations[0], found!.Location);
        Assert.Equal(choir.Id, found.Service.Id);
        Assert.Null(await Directory.FindServiceAtLocationAsync(Ontario, choir.Locations[0].Id, Token));
        Assert.Null(await Directory.FindServiceAtLocationAsync(Alberta, Guid.NewGuid(), Token));
    }

    [Fact]
    public async Task Organizations_taxonomies_and_terms_read_back_list_by_name_and_filter()
    {
        var taxonomy = new DirectoryRecord(DirectoryRecordKinds.Taxonomy, Guid.NewGuid(), "Activities", null, null, "Activities", """{"name":"Activities"}""");
        var arts = Term("Arts", taxonomy.Id);
        var theatre = Term("Théâtre", taxonomy.Id, arts.Id);
        var other = Term("Housing", Guid.NewGuid());
        var organization = new DirectoryRecord(DirectoryRecordKinds.Organization, Guid.NewGuid(), "Edmonton Arts Council", null, null, "Edmonton Arts Council", "{}");

        var written = await Directory.UpsertRecordsAsync(Alberta, [taxonomy, arts, theatre, other, organization], T0, Token);

        Assert.Equal(new DirectoryUpsert(5, 0, 0), written);
        Assert.Equal(theatre with { UpdatedAt = T0 }, await Directory.FindRecordAsync(Alberta, DirectoryRecordKinds.TaxonomyTerm, theatre.Id, Token));
        Assert.Null(await Directory.FindRecordAsync(Alberta, DirectoryRecordKinds.Organization, theatre.Id, Token));
        Assert.Null(await Directory.FindRecordAsync(Ontario, DirectoryRecordKinds.TaxonomyTerm, theatre.Id, Token));
        Assert.Equal(["Arts", "Housing", "Théâtre"], await RecordNamesAsync(new DirectoryRecordQuery(DirectoryRecordKinds.TaxonomyTerm)));
        Assert.Equal(["Arts", "Théâtre"], await RecordNamesAsync(new DirectoryRecordQuery(DirectoryRecordKinds.TaxonomyTerm, TaxonomyId: taxonomy.Id)));
        Assert.Equal(["Théâtre"], await RecordNamesAsync(new DirectoryRecordQuery(DirectoryRecordKinds.TaxonomyTerm, ParentId: arts.Id)));
        Assert.Equal(["Arts", "Housing"], await RecordNamesAsync(new DirectoryRecordQuery(DirectoryRecordKinds.TaxonomyTerm, TopOnly: true)));
        Assert.Equal(["Théâtre"], await RecordNamesAsync(new DirectoryRecordQuery(DirectoryRecordKinds.TaxonomyTerm, Search: "THEA")));
        Assert.Equal(["Edmonton Arts Council"], await RecordNamesAsync(new DirectoryRecordQuery(DirectoryRecordKinds.Organization, Search: "arts edm")));
        Assert.Empty(await RecordNamesAsync(new DirectoryRecordQuery(DirectoryRecordKinds.Organization, Search: "council theatre")));

        var page = await Directory.ListRecordsAsync(Alberta, new DirectoryRecordQuery(DirectoryRecordKinds.TaxonomyTerm, Page: 2, PerPage: 2), Token);
        Assert.Equal(3, page.Total);
        Assert.Equal(["Théâtre"], page.Items.Select(r => r.Name));

        // Sent again, unchanged records stay as they are; a changed one is updated.
        var again = await Directory.UpsertRecordsAsync(Alberta, [taxonomy, arts with { Document = """{"name":"Arts","v":2}""" }], T0.AddHours(1), Token);
        Assert.Equal(new DirectoryUpsert(0, 1, 1), again);
        Assert.Equal(T0, (await Directory.FindRecordAsync(Alberta, DirectoryRecordKinds.Taxonomy, taxonomy.Id, Token))!.UpdatedAt);
    }

    [Fact]
    public async Task Services_and_records_are_written_together_or_not_at_all()
    {
        var service = Service("Walk club");
        var bad = new DirectoryRecord("program", Guid.NewGuid(), "Programs", null, null, "Programs", "{}");

        await Assert.ThrowsAsync<ArgumentException>(() => Directory.UpsertAsync(Alberta, [service], [bad], T0, Token));
        await Assert.ThrowsAsync<ArgumentException>(() => Directory.UpsertServicesAsync(Alberta, [service with { Locations = [At(Edmonton) with { Latitude = 91 }] }], T0, Token));

        Assert.Null(await Directory.FindServiceAsync(Alberta, service.Id, Token));
    }

    [Fact]
    public async Task Postal_code_centres_are_the_tenants_own_and_are_found_however_the_code_is_written()
    {
        Assert.Equal(2, await Directory.UpsertPostalCodesAsync(Alberta, [new PostalCodeCentroid("T5J", 53.54, -113.49), new PostalCodeCentroid("T2P", 51.05, -114.07)], Token));
        Assert.Equal(1, await Directory.UpsertPostalCodesAsync(Alberta, [new PostalCodeCentroid("T5J", 53.545, -113.495)], Token));

        Assert.Equal(new PostalCodeCentroid("T5J", 53.545, -113.495), await Directory.FindPostalCodeAsync(Alberta, " t5j", Token));
        Assert.Null(await Directory.FindPostalCodeAsync(Ontario, "T5J", Token));
        await Assert.ThrowsAsync<ArgumentException>(() => Directory.UpsertPostalCodesAsync(Alberta, [new PostalCodeCentroid("t5j 1a1", 53, -113)], Token));
    }

    [Fact]
    public async Task A_match_starts_from_active_services_open_to_the_persons_age_by_their_words_or_nearness()
    {
        await Directory.UpsertServicesAsync(
            Alberta,
            [
                Service("Community gardening") with { MinimumAge = null, MaximumAge = null },
                Service("Théâtre for seniors") with { MinimumAge = 55, MaximumAge = null },
                Service("Youth gardening") with { MinimumAge = 12, MaximumAge = 25 },
                Service("Closed garden") with { Status = "inactive" },
                Service("Downtown choir") with { Locations = [At(Edmonton)] },
                Service("Calgary choir") with { Locations = [At(Calgary)] },
                Service("Knitting") with { MinimumAge = null, MaximumAge = null },
                Service("St. Albert gardening") with { Locations = [At((Edmonton.Latitude + 0.15, Edmonton.Longitude))] },
                Service("Calgary gardening") with { Locations = [At(Calgary)] },
            ],
            T0,
            Token);
        await Directory.UpsertServicesAsync(Ontario, [Service("Ontario gardening")], T0, Token);
        var near = new DirectoryArea(Edmonton.Latitude, Edmonton.Longitude, 10_000);

        async Task<IReadOnlyList<string>> Candidates(decimal? age, string[] words, DirectoryArea? area, int limit = 10) =>
            [.. (await Directory.FindCandidatesAsync(Alberta, new DirectoryCandidateQuery(age, words, area, limit), Token)).Select(s => s.Name).Order(StringComparer.Ordinal)];

        // Without a place: those holding the words, anywhere.
        Assert.Equal(["Calgary gardening", "Community gardening", "St. Albert gardening", "Youth gardening"], await Candidates(null, ["garden"], null));
        Assert.Equal(["Calgary gardening", "Community gardening", "St. Albert gardening", "Théâtre for seniors"], await Candidates(70, ["garden", "theatre"], null));
        // With one: what lies within reach, what holds the words within three times the reach (St. Albert, 17 km), and
        // what holds them with no place (online); not Calgary's, 280 km away.
        Assert.Equal(["Community gardening", "Downtown choir", "St. Albert gardening"], await Candidates(70, ["garden"], near));
        Assert.Equal(["Downtown choir"], await Candidates(30, [], near));
        Assert.Single(await Candidates(null, ["garden"], null, limit: 1));
        Assert.Equal(["Calgary choir", "Calgary gardening", "Community gardening", "Downtown choir"], await Candidates(40, [], null, limit: 4));
    }

    private async Task<IReadOnlyList<string>> NamesAsync(DirectoryServiceQuery query) =>
        [.. (await Directory.ListServicesAsync(Alberta, query, Token)).Items.Select(s => s.Name)];

    private async Task<IReadOnlyList<string>> RecordNamesAsync(DirectoryRecordQuery query) =>
        [.. (await Directory.ListRecordsAsync(Alberta, query, Token)).Items.Select(s => s.Name)];
}
