using Npgsql;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Storage.Postgres;
using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Storage.Tests;

/// <summary>
/// Tenant isolation in the database itself: row-level security on every tenant table, binding the application's role
/// (<see cref="PostgresTestSchema.ApplicationRole"/>: no superuser, no BYPASSRLS, owner of nothing). The tests look at the
/// tables as that role, behind the store's back, and as the superuser to show the rows are there.
/// </summary>
[Collection(PostgresWritersCollection.Name)]
public sealed class PostgresRowLevelSecurityTests(PostgresFixture fixture) : IAsyncLifetime
{
    private static readonly TenantId Alberta = TenantId.Parse("ab");
    private static readonly TenantId Ontario = TenantId.Parse("on");
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);
    private static readonly string[] TenantTables =
    [
        "audit_chain_anchors", "audit_chain_heads", "audit_entries", "directory_postal_codes", "directory_records", "directory_service_locations",
        "directory_service_search", "directory_service_terms", "directory_services", "journey_events", "journey_snapshots", "journeys", "projection_tallies", "record_streams",
        "tenant_settings", "tenant_settings_changes",
    ];
    private static readonly string[] Both = ["ab", "on"];

    /// <summary>The directory's catalogues: writes bound to the tenant, reads open (PostgresMigrations.CatalogueTables).</summary>
    private static readonly string[] CatalogueTables =
        ["directory_postal_codes", "directory_records", "directory_service_locations", "directory_service_search", "directory_service_terms", "directory_services"];

    /// <summary>The tables of people's records: nothing of them is seen outside the transaction's tenant.</summary>
    private static readonly string[] RecordTables = [.. TenantTables.Except(CatalogueTables)];

    private PostgresTestSchema? _db;
    private PostgresJourneyStore? _store;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private PostgresTestSchema Db => _db!;

    private PostgresJourneyStore Store => _store!;

    public async ValueTask InitializeAsync()
    {
        _db = await PostgresTestSchema.CreateAsync(fixture, "rls");
        _store = _db.OpenStore(new PostgresStorageOptions { GroupCommitWriters = 1 });
        await _store.MigrateAsync(Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_table_with_a_tenant_column_has_forced_row_level_security()
    {
        var tables = await Db.QueryAsync<string>($"""
            SELECT c.relname::text || ':' || c.relrowsecurity || ':' || c.relforcerowsecurity
            FROM pg_class AS c
            WHERE c.relnamespace = '"{Db.Name}"'::regnamespace AND c.relkind = 'r'
              AND EXISTS (SELECT FROM pg_attribute AS a WHERE a.attrelid = c.oid AND a.attname = 'tenant' AND NOT a.attisdropped)
            ORDER BY c.relname
            """);

        Assert.Equal(TenantTables.Select(t => $"{t}:true:true"), tables);
    }

    [Fact]
    public async Task The_application_role_can_neither_bypass_row_level_security_nor_rewrite_history()
    {
        var report = await Store.CheckIsolationAsync(Token);
        var rights = await Db.QueryAsync<string>($"""
            SELECT t || ':' || p FROM unnest(ARRAY['{string.Join("','", TenantTables)}']) AS t
            CROSS JOIN unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE']) AS p
            WHERE has_table_privilege('{PostgresTestSchema.ApplicationRole}', '"{Db.Name}".' || t, p)
            ORDER BY 1
            """);

        Assert.Equal(PostgresTestSchema.ApplicationRole, report.Role);
        Assert.False(report.Superuser);
        Assert.False(report.BypassesRowSecurity);
        Assert.Empty(report.OwnedTables);
        Assert.Empty(report.UnprotectedTables);
        Assert.True(report.Complete);
        Assert.Empty(report.Problems);

        // Only caseload rows, journey snapshots, projection tallies and tenants' current settings are rewritten (and deleted by a rebuild), audit heads move forward, directory services and
        // records are replaced by a newer document (a service's locations and terms with it); nothing is truncated.
        Assert.Equal(
            [
                "audit_chain_heads:UPDATE", "directory_postal_codes:UPDATE", "directory_records:UPDATE", "directory_service_locations:DELETE",
                "directory_service_search:UPDATE", "directory_service_terms:DELETE", "directory_services:UPDATE", "journey_snapshots:UPDATE", "journeys:DELETE", "journeys:UPDATE", "projection_tallies:DELETE", "projection_tallies:UPDATE",
                "tenant_settings:UPDATE",
            ],
            rights);
    }

    [Fact]
    public async Task A_store_connected_as_a_superuser_is_told_row_level_security_does_not_bind_it()
    {
        await using var asSuperuser = Db.OpenStore(dataSource: Db.DataSource);

        var report = await asSuperuser.CheckIsolationAsync(Token);

        Assert.True(report.Superuser);
        Assert.False(report.Enforced);
        Assert.Contains(report.Problems, p => p.Contains("superuser", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_statement_with_no_tenant_set_sees_no_rows_of_anyones_record_and_only_the_directory_catalogues()
    {
        await WriteBothTenantsAsync();

        var asOwner = await TenantsSeenAsync(Db.DataSource, setup: null);
        var asApplication = await TenantsSeenAsync(Db.AppDataSource, setup: null);

        Assert.All(TenantTables, table => Assert.Equal(Both, asOwner[table]));
        Assert.All(RecordTables, table => Assert.Empty(asApplication[table]));
        Assert.All(CatalogueTables, table => Assert.Equal(Both, asApplication[table]));
    }

    [Fact]
    public async Task A_tenant_may_read_another_tenants_directory_catalogue_but_never_write_it()
    {
        await WriteBothTenantsAsync();
        var schema = $"\"{Db.Name}\"";

        var insert = await Assert.ThrowsAsync<PostgresException>(() => QueryAsync<int>(Db.AppDataSource, Tenants("ab"), $"""
            INSERT INTO {schema}.directory_postal_codes (tenant, code, latitude, longitude) VALUES ('on', 'M5V', 43.6, -79.4) RETURNING 1
            """));
        var updated = await QueryAsync<long>(Db.AppDataSource, Tenants("ab"), $"""
            WITH changed AS (UPDATE {schema}.directory_services SET name = 'Taken over' WHERE tenant = 'on' RETURNING 1) SELECT count(*) FROM changed
            """);
        var deleted = await QueryAsync<long>(Db.AppDataSource, Tenants("ab"), $"""
            WITH gone AS (DELETE FROM {schema}.directory_service_locations WHERE tenant = 'on' RETURNING 1) SELECT count(*) FROM gone
            """);
        var moved = await Assert.ThrowsAsync<PostgresException>(() => QueryAsync<int>(Db.AppDataSource, Tenants("ab"), $"""
            UPDATE {schema}.directory_records SET tenant = 'on' WHERE tenant = 'ab' RETURNING 1
            """));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, insert.SqlState);
        Assert.Equal(0, Assert.Single(updated));
        Assert.Equal(0, Assert.Single(deleted));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, moved.SqlState);
        Assert.Equal(["Walking group"], await Db.QueryAsync<string>($"SELECT name FROM {schema}.directory_services WHERE tenant = 'on'"));
    }

    [Fact]
    public async Task A_statement_with_no_tenant_set_may_write_no_rows()
    {
        var refused = await Assert.ThrowsAsync<PostgresException>(() => PostgresTestSchema.QueryAsync<int>(Db.AppDataSource, InsertEvent("ab")));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Contains("row-level security", refused.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tenant_a_then_tenant_b_on_the_same_pooled_connection_leaks_nothing()
    {
        var (albertan, ontarian) = await WriteBothTenantsAsync();

        // One connection, not reset when it goes back to the pool: the store's own pool settings.
        var builder = new NpgsqlDataSourceBuilder(Db.AppConnectionString);
        builder.ConnectionStringBuilder.MaxPoolSize = 1;
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        await using var pool = builder.Build();
        await using var store = Db.OpenStore(new PostgresStorageOptions { GroupCommit = false }, dataSource: pool);

        var asAlberta = await TenantsSeenAsync(pool, Tenants("ab"));
        var asOntario = await TenantsSeenAsync(pool, Tenants("on"));
        var albertasJourney = await store.ReadAsync(Alberta, albertan, Token);
        var ontariosCaseload = await store.QueryAsync(Ontario, new JourneyQuery(null, null, 1, 10), Token);
        var ontariosRecords = await store.ReadStreamAsync(Ontario, "training", "lw-1", Token);
        var afterwards = await TenantsSeenAsync(pool, setup: null);
        var backends = await PostgresTestSchema.QueryAsync<int>(pool, "SELECT pg_backend_pid()");

        Assert.All(RecordTables, table => Assert.Equal(["ab"], asAlberta[table]));
        Assert.All(RecordTables, table => Assert.Equal(["on"], asOntario[table]));
        Assert.Single(albertasJourney);
        Assert.Equal(ontarian, Assert.Single(ontariosCaseload.Items).JourneyId);
        Assert.Single(ontariosRecords);
        Assert.All(RecordTables, table => Assert.Empty(afterwards[table]));
        Assert.Equal(asAlberta.Backend, asOntario.Backend);
        Assert.Equal(asAlberta.Backend, afterwards.Backend);
        Assert.Equal(asAlberta.Backend, Assert.Single(backends));
    }

    [Fact]
    public async Task A_group_commit_batch_of_two_tenants_writes_both_and_a_reader_of_one_sees_only_its_own()
    {
        var blocker = Guid.NewGuid();
        await Store.AppendAsync(Append(Alberta, blocker, 0), Token);
        var before = Store.AppendStatistics.Transactions;
        var albertan = Guid.NewGuid();
        var ontarian = Guid.NewGuid();
        Task blocked, both;
        await using (var hold = await HeldRow.LockAsync(Db.DataSource, $"SELECT 1 FROM \"{Db.Name}\".journeys WHERE journey_id = '{blocker}' FOR UPDATE"))
        {
            // The one writer waits on the held row; the two appends queue behind it and go together.
            blocked = Store.AppendAsync(Append(Alberta, blocker, 1), Token);
            await Waiting.UntilAsync(async () => (await Db.QueryAsync<long>(
                $"SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = '{Db.Name}' AND pid <> pg_backend_pid()"))[0] == 1);
            both = Task.WhenAll(Store.AppendAsync(Append(Alberta, albertan, 0), Token), Store.AppendAsync(Append(Ontario, ontarian, 0), Token));
            await Waiting.UntilAsync(() => Task.FromResult(Store.AppendStatistics.Queued == 2));
            await hold.ReleaseAsync();
        }

        await blocked;
        await both;
        var transactions = await Db.QueryAsync<long>(
            $"SELECT count(DISTINCT xmin::text) FROM \"{Db.Name}\".journey_events WHERE journey_id IN ('{albertan}', '{ontarian}')");
        var ontarioSees = await QueryAsync<Guid>(Db.AppDataSource, Tenants("on"), $"SELECT journey_id FROM \"{Db.Name}\".journey_events");

        Assert.Equal(before + 2, Store.AppendStatistics.Transactions);
        Assert.Equal(1, Assert.Single(transactions));
        Assert.Equal([ontarian], ontarioSees);
    }

    [Fact]
    public async Task The_system_scope_only_reads_and_only_the_tables_the_hosts_own_readers_need()
    {
        await WriteBothTenantsAsync();

        var asSystem = await TenantsSeenAsync(Db.AppDataSource, SystemScope);
        var write = await Assert.ThrowsAsync<PostgresException>(() => QueryAsync<int>(Db.AppDataSource, SystemScope, InsertEvent("ab")));
        var rewritten = await QueryAsync<long>(
            Db.AppDataSource, SystemScope, $"WITH moved AS (UPDATE \"{Db.Name}\".journeys SET version = version RETURNING 1) SELECT count(*) FROM moved");

        Assert.Equal(Both, asSystem["journey_events"]);
        Assert.Equal(Both, asSystem["journeys"]);
        Assert.Equal(Both, asSystem["audit_chain_heads"]);
        Assert.Empty(asSystem["record_streams"]);
        Assert.Empty(asSystem["audit_entries"]);
        Assert.Equal(Both, asSystem["tenant_settings"]);
        Assert.Empty(asSystem["tenant_settings_changes"]);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, write.SqlState);
        Assert.Equal(0, Assert.Single(rewritten));
    }

    [Fact]
    public async Task Only_the_feed_the_rebuild_the_list_of_audited_tenants_and_the_tenants_settings_read_as_the_system()
    {
        // A trap: while it stands, whatever takes the system scope sees nothing and may write nothing.
        foreach (var table in TenantTables)
        {
            await Db.QueryAsync<int>($"""
                CREATE POLICY trap ON "{Db.Name}".{table} AS RESTRICTIVE USING (coalesce(current_setting('sp.scope', true), '') <> 'system')
                """);
        }

        // Every ordinary path, as its tenant (the projection's tallies come from the feed, which the trap blinds).
        var (albertan, ontarian) = await WriteBothTenantsAsync(tally: false);
        var read = await Store.ReadAsync(Alberta, albertan, Token);
        var caseload = await Store.QueryAsync(Ontario, new JourneyQuery(null, null, 1, 10), Token);
        var records = await Store.ListStreamsAsync(Alberta, "training", Token);
        var audit = await Store.QueryAsync(Ontario, new AuditQuery(), Token);
        var verified = await Store.VerifyAsync(Alberta, Token);
        var pending = await Store.ListPendingFirstContactChecksAsync(Alberta, null, null, 100, Token);
        var digests = await Store.ListOutcomeMeasuresAsync(Alberta, null, T0.AddYears(10), Token);

        // The host's own cross-tenant readers, trapped.
        var fed = await Store.ConsumeAsync("test.trap", 100, (_, _) => Task.CompletedTask, Token);
        var audited = await Store.ListAuditedTenantsAsync(Token);
        var rebuilt = await Store.RebuildCaseloadAsync(Project, Token);
        var tenants = await Store.ReadTenantSettingsAsync(Token);
        var changes = await Store.ReadTenantSettingsChangesAsync(Alberta, Token);

        Assert.Single(read);
        Assert.Empty(tenants);
        Assert.Single(changes);
        Assert.Equal(ontarian, Assert.Single(caseload.Items).JourneyId);
        Assert.Equal(["lw-1"], records);
        Assert.Equal(1, audit.Total);
        Assert.True(verified.IsIntact, verified.Detail);
        Assert.Empty(pending);
        Assert.Empty(digests);
        Assert.Equal(0, fed);
        Assert.Empty(audited);
        Assert.Equal(0, rebuilt);

        // Without the trap the same readers see both tenants, and the rebuild writes both tenants' rows as them.
        foreach (var table in TenantTables)
        {
            await Db.QueryAsync<int>($"DROP POLICY trap ON \"{Db.Name}\".{table}");
        }

        Assert.Equal(Both, (await Store.ListAuditedTenantsAsync(Token)).Select(t => t.Value));
        Assert.Equal(Both, (await Store.ReadTenantSettingsAsync(Token)).Select(t => t.Tenant.Value));
        Assert.Equal(2, await Store.RebuildCaseloadAsync(Project, Token));
        Assert.Equal(1, (await Store.QueryAsync(Alberta, new JourneyQuery("rebuilt", null, 1, 10), Token)).Total);
        Assert.Equal(1, (await Store.QueryAsync(Ontario, new JourneyQuery("rebuilt", null, 1, 10), Token)).Total);
        Assert.Equal(new[] { albertan, ontarian }.Order(), (await DrainAsync("test.trap", expected: 2)).Select(e => e.JourneyId).Order());

        static JourneySummary Project(IReadOnlyList<StoredEvent> events) => Summary() with { Status = "rebuilt" };
    }

    /// <summary>A journey, a record stream and an audit entry for each of the two tenants, through the store.</summary>
    private async Task<(Guid Alberta, Guid Ontario)> WriteBothTenantsAsync(bool tally = true)
    {
        var albertan = Guid.NewGuid();
        var ontarian = Guid.NewGuid();
        foreach (var (tenant, journey) in new[] { (Alberta, albertan), (Ontario, ontarian) })
        {
            await Store.AppendAsync(Append(tenant, journey, 0), Token);
            await Store.SaveSnapshotAsync(tenant, journey, new JourneySnapshot("journey/test", 1, new byte[] { 1, 2, 3 }), Token);
            await Store.AppendStreamAsync(new RecordAppend(tenant, "training", "lw-1", 0, [Event()]), Token);
            var term = new DirectoryRecord(DirectoryRecordKinds.TaxonomyTerm, Guid.NewGuid(), "Walking", null, null, "Walking", "{}");
            var walking = new DirectoryServiceRecord(Guid.NewGuid(), null, "Walking group", "active", null, null, "free", null, null, "walking", "{}")
            {
                Locations = [new DirectoryServiceLocation(Guid.NewGuid(), null, 53.5, -113.5, "T5J")],
                TaxonomyTermIds = [term.Id],
            };
            await Store.UpsertAsync(tenant, [walking], [term], DateTimeOffset.UtcNow, Token);
            await Store.UpsertPostalCodesAsync(tenant, [new PostalCodeCentroid("T5J", 53.5, -113.5)], Token);
            await Store.SaveTenantSettingsAsync(new TenantSettingsChange(tenant, 1, "api", DateTimeOffset.UtcNow, "op-1", "[]", "{}"), Token);
        }

        // An entry purged (so each chain has an anchor), then one kept.
        await Store.AppendAsync([Entry(Alberta), Entry(Ontario)], Token);
        foreach (var tenant in new[] { Alberta, Ontario })
        {
            Assert.Equal(1, (await Store.PurgeAsync(tenant, DateTimeOffset.UtcNow.AddYears(100), Token)).Purged);
        }

        await Store.AppendAsync([Entry(Alberta), Entry(Ontario)], Token);

        // An asynchronous projection's tallies of both tenants' events (read from the feed, as the system).
        var day = new DateOnly(2026, 1, 1);
        await Waiting.UntilAsync(async () =>
        {
            if (!tally)
            {
                return true;
            }

            await Store.TallyAsync("seen", 100, null, events => events.Select(e => new TallyChange(e.Tenant, day, e.Event.Type, 1)), Token);
            return (await Store.ReadTalliesAsync(Alberta, "seen", day, day, Token)).Count > 0 && (await Store.ReadTalliesAsync(Ontario, "seen", day, day, Token)).Count > 0;
        });
        return (albertan, ontarian);
    }

    /// <summary>
    /// The tenants each tenant table shows in one transaction that begins with <paramref name="setup"/>, and the server
    /// process that served it.
    /// </summary>
    private async Task<TablesSeen> TenantsSeenAsync(NpgsqlDataSource dataSource, string? setup)
    {
        await using var connection = await dataSource.OpenConnectionAsync(Token);
        await using var tx = await connection.BeginTransactionAsync(Token);
        if (setup is not null)
        {
            await using var set = new NpgsqlCommand(setup, connection, tx);
            await set.ExecuteNonQueryAsync(Token);
        }

        var seen = new TablesSeen(connection.ProcessID);
        foreach (var table in TenantTables)
        {
            await using var read = new NpgsqlCommand($"SELECT DISTINCT tenant FROM \"{Db.Name}\".{table} ORDER BY tenant", connection, tx);
            await using var reader = await read.ExecuteReaderAsync(Token);
            var tenants = new List<string>();
            while (await reader.ReadAsync(Token))
            {
                tenants.Add(reader.GetString(0));
            }

            seen[table] = [.. tenants];
        }

        await tx.CommitAsync(Token);
        return seen;
    }

    private async Task<List<FeedEvent>> DrainAsync(string consumer, int expected)
    {
        var handled = new List<FeedEvent>();
        await Waiting.UntilAsync(async () =>
        {
            await Store.ConsumeAsync(consumer, 100, (events, _) => { handled.AddRange(events); return Task.CompletedTask; }, Token);
            return handled.Count >= expected;
        });
        return handled;
    }

    /// <summary>The tenant scope, local to the transaction, as the store sets it.</summary>
    private static string Tenants(string tenants) => $"SELECT set_config('sp.tenants', '{tenants}', true)";

    private const string SystemScope = "SELECT set_config('sp.scope', 'system', true)";

    /// <summary>The first column of every row of <paramref name="sql"/>, run in a transaction that begins with <paramref name="setup"/>.</summary>
    private static async Task<List<T>> QueryAsync<T>(NpgsqlDataSource dataSource, string setup, string sql)
    {
        await using var connection = await dataSource.OpenConnectionAsync(Token);
        await using var tx = await connection.BeginTransactionAsync(Token);
        await using (var set = new NpgsqlCommand(setup, connection, tx))
        {
            await set.ExecuteNonQueryAsync(Token);
        }

        var rows = new List<T>();
        await using (var read = new NpgsqlCommand(sql, connection, tx))
        await using (var reader = await read.ExecuteReaderAsync(Token))
        {
            while (await reader.ReadAsync(Token))
            {
                rows.Add(reader.GetFieldValue<T>(0));
            }
        }

        await tx.CommitAsync(Token);
        return rows;
    }

    private string InsertEvent(string tenant) => $$"""
        INSERT INTO "{{Db.Name}}".journey_events (tenant, journey_id, version, event_type, data, command_id, actor, occurred_at)
        VALUES ('{{tenant}}', gen_random_uuid(), 1, 'Planted', '{}', gen_random_uuid(), 'lw-1', now()) RETURNING 1
        """;

    private static NewEvent Event() => new("ReferralReceived", "{}", Guid.NewGuid(), "lw-1", T0);

    private static JourneySummary Summary() => new("referred", null, "Marie Tremblay", T0, null, false, false, T0);

    private static JourneyAppend Append(TenantId tenant, Guid journey, long expected) => new(tenant, journey, expected, [Event()], Summary());

    private static AuditEntry Entry(TenantId tenant) => new(tenant, T0, "lw-1", "link-worker", "sp-web", null, "journey", "read", AuditEntry.Allowed);

    /// <summary>Each table's tenants, and the server process that answered.</summary>
    private sealed class TablesSeen(int backend) : Dictionary<string, string[]>
    {
        public int Backend { get; } = backend;
    }
}
