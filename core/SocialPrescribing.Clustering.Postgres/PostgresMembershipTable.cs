using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace SocialPrescribing.Clustering.Postgres;

/// <summary>
/// Orleans cluster membership on PostgreSQL. Every change to the table (a silo joining, being
/// suspected, declared dead) is one transaction that first moves the cluster's version row forward
/// from the etag the caller read, so two silos acting on stale views cannot both win.
/// </summary>
public sealed partial class PostgresMembershipTable : IMembershipTable, IAsyncDisposable
{
    /// <summary>The tables <see cref="CreateSchemaAsync"/> creates, for an owner granting another role their rows.</summary>
    public static readonly IReadOnlyList<string> Tables = ["orleans_membership_version", "orleans_membership"];

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly bool _createSchema;
    private readonly string _clusterId;
    private readonly ILogger<PostgresMembershipTable> _logger;

    public PostgresMembershipTable(IOptions<PostgresClusteringOptions> options, IOptions<ClusterOptions> cluster, ILogger<PostgresMembershipTable> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(cluster);
        _schema = QuoteIdentifier(options.Value.Schema);
        _clusterId = cluster.Value.ClusterId;
        _logger = logger;
        _createSchema = options.Value.CreateSchema;
        _dataSource = NpgsqlDataSource.Create(options.Value.ConnectionString);
    }

    /// <summary>
    /// Creates the membership tables in <paramref name="schema"/> if they are missing, for operators whose silos run
    /// with <see cref="PostgresClusteringOptions.CreateSchema"/> off. Safe to run again and beside starting silos.
    /// </summary>
    public static async Task CreateSchemaAsync(string connectionString, string schema, CancellationToken cancellationToken = default)
    {
        var quoted = QuoteIdentifier(schema);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await CreateTablesAsync(connection, tx, quoted, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>Creates the tables under a transaction-scoped advisory lock, so silos starting together are safe.</summary>
    private static async Task CreateTablesAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string quotedSchema, CancellationToken cancellationToken)
    {
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext($1))", connection, tx))
        {
            lockCommand.Parameters.AddWithValue("orleans-membership:" + quotedSchema);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var create = new NpgsqlCommand(MembershipSchema.Create(quotedSchema), connection, tx);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task InitializeMembershipTable(bool tryInitTableVersion)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        if (_createSchema)
        {
            await CreateTablesAsync(connection, tx, _schema, CancellationToken.None);
        }

        if (tryInitTableVersion)
        {
            await using var init = new NpgsqlCommand(
                $"INSERT INTO {_schema}.orleans_membership_version (cluster_id, version, etag) VALUES ($1, 0, 0) ON CONFLICT (cluster_id) DO NOTHING",
                connection,
                tx);
            init.Parameters.AddWithValue(_clusterId);
            await init.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
        LogInitialized(_clusterId);
    }

    public async Task DeleteMembershipTableEntries(string clusterId)
    {
        await using var command = _dataSource.CreateCommand($"DELETE FROM {_schema}.orleans_membership_version WHERE cluster_id = $1");
        command.Parameters.AddWithValue(clusterId);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Removes the Dead entries last updated before <paramref name="beforeDate"/>, an entry's last update being the latest
    /// of its start, heartbeat and suspicion votes (Orleans' <c>MembershipEntry.EffectiveUpdateTime</c>). Only Dead rows
    /// go, as in Orleans 10.4: a silo still joining or shutting down may yet act on its row. Declaring a silo dead
    /// records a suspicion vote, so a silo declared dead recently stays however long ago its last heartbeat was, and a
    /// late silo can still read that it was declared dead.
    /// </summary>
    public async Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate)
    {
        await using var command = _dataSource.CreateCommand(
            $"DELETE FROM {_schema}.orleans_membership WHERE cluster_id = $1 AND status = $2 AND GREATEST(start_time, i_am_alive, {LatestSuspicionSql}) < $3");
        command.Parameters.AddWithValue(_clusterId);
        command.Parameters.AddWithValue((int)SiloStatus.Dead);
        command.Parameters.AddWithValue(beforeDate.UtcDateTime);
        var removed = await command.ExecuteNonQueryAsync();
        LogCleanedUp(removed, _clusterId);
    }

    public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadAsync(key);

    public Task<MembershipTableData> ReadAll() => ReadAsync(null);

    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) =>
        ChangeAsync(tableVersion, async (connection, tx) =>
        {
            await using var insert = new NpgsqlCommand(
                $"""
                INSERT INTO {_schema}.orleans_membership
                    (cluster_id, address, port, generation, status, silo_name, host_name, proxy_port, role_name,
                     update_zone, fault_zone, suspect_times, start_time, i_am_alive, etag)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 0)
                ON CONFLICT DO NOTHING
                """,
                connection,
                tx);
            AddKey(insert, entry.SiloAddress);
            AddFields(insert, entry);
            return await insert.ExecuteNonQueryAsync() == 1;
        });

    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) =>
        ChangeAsync(tableVersion, async (connection, tx) =>
        {
            if (!long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var rowEtag))
            {
                return false;
            }

            await using var update = new NpgsqlCommand(
                $"""
                UPDATE {_schema}.orleans_membership SET
                    status = $5, silo_name = $6, host_name = $7, proxy_port = $8, role_name = $9, update_zone = $10,
                    fault_zone = $11, suspect_times = $12, start_time = $13, i_am_alive = $14, etag = etag + 1
                WHERE cluster_id = $1 AND address = $2 AND port = $3 AND generation = $4 AND etag = $15
                """,
                connection,
                tx);
            AddKey(update, entry.SiloAddress);
            AddFields(update, entry);
            update.Parameters.AddWithValue(rowEtag);
            return await update.ExecuteNonQueryAsync() == 1;
        });

    public async Task UpdateIAmAlive(MembershipEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var command = _dataSource.CreateCommand(
            $"UPDATE {_schema}.orleans_membership SET i_am_alive = $5 WHERE cluster_id = $1 AND address = $2 AND port = $3 AND generation = $4");
        AddKey(command, entry.SiloAddress);
        command.Parameters.AddWithValue(ToUtc(entry.IAmAliveTime));
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>
    /// Moves the version row from the caller's expected etag to the new version, runs the row change,
    /// and commits only if both succeeded. A false return changes nothing.
    /// </summary>
    private async Task<bool> ChangeAsync(TableVersion tableVersion, Func<NpgsqlConnection, NpgsqlTransaction, Task<bool>> change)
    {
        ArgumentNullException.ThrowIfNull(tableVersion);
        if (!long.TryParse(tableVersion.VersionEtag, NumberStyles.None, CultureInfo.InvariantCulture, out var expectedEtag))
        {
            return false;
        }

        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using (var version = new NpgsqlCommand(
            $"UPDATE {_schema}.orleans_membership_version SET version = $2, etag = etag + 1 WHERE cluster_id = $1 AND etag = $3",
            connection,
            tx))
        {
            version.Parameters.AddWithValue(_clusterId);
            version.Parameters.AddWithValue(tableVersion.Version);
            version.Parameters.AddWithValue(expectedEtag);
            if (await version.ExecuteNonQueryAsync() != 1)
            {
                return false;
            }
        }

        if (!await change(connection, tx))
        {
            await tx.RollbackAsync();
            return false;
        }

        await tx.CommitAsync();
        return true;
    }

    private async Task<MembershipTableData> ReadAsync(SiloAddress? key)
    {
        // One statement, so the version and the rows come from the same snapshot.
        var sql = $"""
            SELECT v.version, v.etag, m.address, m.port, m.generation, m.status, m.silo_name, m.host_name, m.proxy_port,
                   m.role_name, m.update_zone, m.fault_zone, m.suspect_times, m.start_time, m.i_am_alive, m.etag
            FROM {_schema}.orleans_membership_version v
            LEFT JOIN {_schema}.orleans_membership m ON m.cluster_id = v.cluster_id
            """ + (key is null ? string.Empty : " AND m.address = $2 AND m.port = $3 AND m.generation = $4") + " WHERE v.cluster_id = $1";
        await using var command = _dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue(_clusterId);
        if (key is not null)
        {
            command.Parameters.AddWithValue(key.Endpoint.Address.ToString());
            command.Parameters.AddWithValue(key.Endpoint.Port);
            command.Parameters.AddWithValue(key.Generation);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Tuple<MembershipEntry, string>>();
        var version = new TableVersion(0, "0");
        while (await reader.ReadAsync())
        {
            version = new TableVersion(reader.GetInt32(0), reader.GetInt64(1).ToString(CultureInfo.InvariantCulture));
            if (reader.IsDBNull(2))
            {
                continue;
            }

            var entry = new MembershipEntry
            {
                SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Parse(reader.GetString(2)), reader.GetInt32(3)), reader.GetInt32(4)),
                Status = (SiloStatus)reader.GetInt32(5),
                SiloName = reader.GetString(6),
                HostName = reader.GetString(7),
                ProxyPort = reader.GetInt32(8),
                RoleName = reader.GetString(9),
                UpdateZone = reader.GetInt32(10),
                FaultZone = reader.GetInt32(11),
                SuspectTimes = ParseSuspectTimes(reader.GetString(12)),
                StartTime = reader.GetDateTime(13),
                IAmAliveTime = reader.GetDateTime(14),
            };
            rows.Add(Tuple.Create(entry, reader.GetInt64(15).ToString(CultureInfo.InvariantCulture)));
        }

        return new MembershipTableData(rows, version);
    }

    private void AddKey(NpgsqlCommand command, SiloAddress silo)
    {
        command.Parameters.AddWithValue(_clusterId);
        command.Parameters.AddWithValue(silo.Endpoint.Address.ToString());
        command.Parameters.AddWithValue(silo.Endpoint.Port);
        command.Parameters.AddWithValue(silo.Generation);
    }

    private static void AddFields(NpgsqlCommand command, MembershipEntry entry)
    {
        command.Parameters.AddWithValue((int)entry.Status);
        command.Parameters.AddWithValue(entry.SiloName ?? string.Empty);
        command.Parameters.AddWithValue(entry.HostName ?? string.Empty);
        command.Parameters.AddWithValue(entry.ProxyPort);
        command.Parameters.AddWithValue(entry.RoleName ?? string.Empty);
        command.Parameters.AddWithValue(entry.UpdateZone);
        command.Parameters.AddWithValue(entry.FaultZone);
        command.Parameters.AddWithValue(FormatSuspectTimes(entry.SuspectTimes));
        command.Parameters.AddWithValue(ToUtc(entry.StartTime));
        command.Parameters.AddWithValue(ToUtc(entry.IAmAliveTime));
    }

    /// <summary>
    /// The one conversion every write path uses, so an instant is stored the same way whichever method writes it.
    /// A Local time is converted to UTC. An Unspecified time is taken to be UTC already: Orleans stamps membership
    /// times from UTC clocks, and a time loses its kind when rebuilt from parts or ticks, not when read off a local clock.
    /// </summary>
    private static DateTime ToUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Local => time.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        _ => time,
    };

    /// <summary>Suspicions as <c>silo@ticks</c> pairs separated by '|'; silo addresses in Orleans' parsable form.</summary>
    private static string FormatSuspectTimes(List<Tuple<SiloAddress, DateTime>>? suspects)
    {
        if (suspects is null || suspects.Count == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var (silo, at) in suspects)
        {
            if (text.Length > 0)
            {
                text.Append('|');
            }

            text.Append(silo.ToParsableString()).Append('@').Append(ToUtc(at).Ticks.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static List<Tuple<SiloAddress, DateTime>> ParseSuspectTimes(string text) =>
        [.. text.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var at = pair.LastIndexOf('@');
            return Tuple.Create(
                SiloAddress.FromParsableString(pair[..at]),
                new DateTime(long.Parse(pair[(at + 1)..], CultureInfo.InvariantCulture), DateTimeKind.Utc));
        })];

    /// <summary>
    /// The latest suspicion vote of a row, in SQL, read from the format <see cref="FormatSuspectTimes"/> writes: the UTC
    /// ticks after each pair's last '@' (621355968000000000 is <see cref="DateTime.UnixEpoch"/> in ticks). NULL when
    /// there is no vote, which GREATEST passes over.
    /// </summary>
    private const string LatestSuspicionSql = """
        (SELECT max(timestamptz 'epoch' + (vote.parts[1]::bigint - 621355968000000000) / 10 * interval '1 microsecond')
         FROM regexp_matches(suspect_times, '@(\d+)(?:\||$)', 'g') AS vote(parts))
        """;

    private static string QuoteIdentifier(string name) =>
        name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_') && name.Length is > 0 and <= 63
            ? name
            : throw new ArgumentException($"Schema name '{name}' must be lower-case letters, digits and '_'.", nameof(name));
}
