using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage.Sqlite;

/// <summary>The community directory (<see cref="IDirectoryStore"/>) in the same file, behind the same write gate.</summary>
public sealed partial class SqliteJourneyStore : IDirectoryStore
{
    private const string DirectoryColumns =
        "s.id, s.organization_id, s.name, s.status, s.minimum_age, s.maximum_age, s.cost, s.assured_date, s.last_modified, s.search_text, s.document, s.updated_at";

    private const string LocationColumns = "l.id, l.location_id, l.latitude, l.longitude, l.postal_code";

    private const string RecordColumns = "kind, id, name, taxonomy_id, parent_id, search_text, document, updated_at";

    public Task<DirectoryWrite> UpsertAsync(
        TenantId tenant, IReadOnlyList<DirectoryServiceRecord> services, IReadOnlyList<DirectoryRecord> records, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        DirectoryServiceRecord.ValidateAll(services);
        DirectoryRecord.ValidateAll(records);
        if (services.Count == 0 && records.Count == 0)
        {
            return Task.FromResult(DirectoryWrite.None);
        }

        return RunAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await _writeGate.WaitAsync(cancellationToken);
            try
            {
                await using var tx = connection.BeginTransaction(deferred: false);
                var written = new DirectoryWrite(
                    await WriteServicesAsync(connection, tx, tenant, services, at, cancellationToken),
                    await WriteRecordsAsync(connection, tx, tenant, records, at, cancellationToken));
                await tx.CommitAsync(cancellationToken);
                return written;
            }
            finally
            {
                _writeGate.Release();
            }
        });
    }

    private static async Task<DirectoryUpsert> WriteServicesAsync(
        SqliteConnection connection, SqliteTransaction tx, TenantId tenant, IReadOnlyList<DirectoryServiceRecord> services, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var known = await DigestsAsync(connection, tx, "SELECT id, digest FROM directory_services WHERE tenant = $tenant AND id IN (SELECT value FROM json_each($ids))", tenant, services.Select(s => s.Id), cancellationToken);
        int imported = 0, updated = 0;
        await using var write = connection.CreateCommand();
        write.Transaction = tx;
        write.CommandText = """
            INSERT INTO directory_services (tenant, id, organization_id, name, status, minimum_age, maximum_age, cost, assured_date,
                                            last_modified, search_text, document, digest, created_at, updated_at, located)
            VALUES ($tenant, $id, $organization, $name, $status, $min, $max, $cost, $assured, $modified, $search, $document, $digest, $at, $at, $located)
            ON CONFLICT (tenant, id) DO UPDATE SET
                organization_id = excluded.organization_id, name = excluded.name, status = excluded.status,
                minimum_age = excluded.minimum_age, maximum_age = excluded.maximum_age, cost = excluded.cost,
                assured_date = excluded.assured_date, last_modified = excluded.last_modified, search_text = excluded.search_text,
                document = excluded.document, digest = excluded.digest, updated_at = excluded.updated_at, located = excluded.located;
            DELETE FROM directory_service_locations WHERE tenant = $tenant AND service_id = $id;
            DELETE FROM directory_service_terms WHERE tenant = $tenant AND service_id = $id;
            INSERT INTO directory_service_locations (tenant, service_id, id, location_id, latitude, longitude, postal_code)
            SELECT $tenant, $id, value ->> 'Id', value ->> 'LocationId', value ->> 'Latitude', value ->> 'Longitude', value ->> 'PostalCode'
            FROM json_each($locations);
            INSERT INTO directory_service_terms (tenant, service_id, term_id) SELECT $tenant, $id, value FROM json_each($terms);
            """;
        foreach (var service in services)
        {
            var digest = service.Digest;
            if (known.TryGetValue(service.Id, out var previous) && previous == digest)
            {
                continue;
            }

            write.Parameters.Clear();
            write.Parameters.AddWithValue("$tenant", tenant.Value);
            write.Parameters.AddWithValue("$id", Key(service.Id));
            write.Parameters.AddWithValue("$organization", Nullable(service.OrganizationId));
            write.Parameters.AddWithValue("$name", service.Name);
            write.Parameters.AddWithValue("$status", service.Status);
            write.Parameters.AddWithValue("$min", service.MinimumAge is { } min ? (double)min : DBNull.Value);
            write.Parameters.AddWithValue("$max", service.MaximumAge is { } max ? (double)max : DBNull.Value);
            write.Parameters.AddWithValue("$cost", service.Cost);
            write.Parameters.AddWithValue("$assured", service.AssuredDate is { } assured ? assured.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value);
            write.Parameters.AddWithValue("$modified", service.LastModified is { } modified ? Text(modified) : DBNull.Value);
            write.Parameters.AddWithValue("$search", service.SearchText);
            write.Parameters.AddWithValue("$document", service.Document);
            write.Parameters.AddWithValue("$digest", digest);
            write.Parameters.AddWithValue("$at", Text(at));
            write.Parameters.AddWithValue("$located", service.Locations.Any(l => l.Latitude is not null) ? 1 : 0);
            write.Parameters.AddWithValue("$locations", JsonSerializer.Serialize(service.Locations.Select(l => new
            {
                Id = Key(l.Id), LocationId = l.LocationId is { } location ? Key(location) : null, l.Latitude, l.Longitude, l.PostalCode,
            })));
            write.Parameters.AddWithValue("$terms", JsonSerializer.Serialize(service.TaxonomyTermIds.Select(Key)));
            await write.ExecuteNonQueryAsync(cancellationToken);
            await IndexWordsAsync(connection, tx, tenant, service, cancellationToken);
            _ = known.ContainsKey(service.Id) ? updated++ : imported++;
        }

        return new DirectoryUpsert(imported, updated, services.Count - imported - updated);
    }

    private static async Task<DirectoryUpsert> WriteRecordsAsync(
        SqliteConnection connection, SqliteTransaction tx, TenantId tenant, IReadOnlyList<DirectoryRecord> records, DateTimeOffset at, CancellationToken cancellationToken)
    {
        int imported = 0, updated = 0;
        foreach (var kind in records.Select(r => r.Kind).Distinct())
        {
            var ofKind = records.Where(r => r.Kind == kind).ToList();
            var known = await DigestsAsync(
                connection, tx, "SELECT id, digest FROM directory_records WHERE tenant = $tenant AND kind = $kind AND id IN (SELECT value FROM json_each($ids))", tenant, ofKind.Select(r => r.Id), cancellationToken, ("$kind", kind));
            await using var write = connection.CreateCommand();
            write.Transaction = tx;
            write.CommandText = """
                INSERT INTO directory_records (tenant, kind, id, name, taxonomy_id, parent_id, search_text, search_words, document, digest, created_at, updated_at)
                VALUES ($tenant, $kind, $id, $name, $taxonomy, $parent, $search, $words, $document, $digest, $at, $at)
                ON CONFLICT (tenant, kind, id) DO UPDATE SET
                    name = excluded.name, taxonomy_id = excluded.taxonomy_id, parent_id = excluded.parent_id, search_text = excluded.search_text,
                    search_words = excluded.search_words, document = excluded.document, digest = excluded.digest, updated_at = excluded.updated_at
                """;
            foreach (var record in ofKind)
            {
                var digest = record.Digest;
                if (known.TryGetValue(record.Id, out var previous) && previous == digest)
                {
                    continue;
                }

                write.Parameters.Clear();
                write.Parameters.AddWithValue("$tenant", tenant.Value);
                write.Parameters.AddWithValue("$kind", kind);
                write.Parameters.AddWithValue("$id", Key(record.Id));
                write.Parameters.AddWithValue("$name", record.Name);
                write.Parameters.AddWithValue("$taxonomy", Nullable(record.TaxonomyId));
                write.Parameters.AddWithValue("$parent", Nullable(record.ParentId));
                write.Parameters.AddWithValue("$search", record.SearchText);
                write.Parameters.AddWithValue("$words", DirectorySearchText.Fold(record.SearchText));
                write.Parameters.AddWithValue("$document", record.Document);
                write.Parameters.AddWithValue("$digest", digest);
                write.Parameters.AddWithValue("$at", Text(at));
                await write.ExecuteNonQueryAsync(cancellationToken);
                _ = known.ContainsKey(record.Id) ? updated++ : imported++;
            }
        }

        return new DirectoryUpsert(imported, updated, records.Count - imported - updated);
    }

    public Task<DirectoryServiceRecord?> FindServiceAsync(TenantId tenant, Guid id, CancellationToken cancellationToken = default) =>
        FindOneAsync(
            $"SELECT {DirectoryColumns} FROM directory_services AS s WHERE s.tenant = $tenant AND s.id = $id",
            parameters =>
            {
                parameters.AddWithValue("$tenant", tenant.Value);
                parameters.AddWithValue("$id", Key(id));
            },
            ReadService,
            cancellationToken);

    public Task<DirectoryServicePage> ListServicesAsync(TenantId tenant, DirectoryServiceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        return RunAsync(async () =>
        {
            await using var connection = await OpenMeasuringAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            var filter = ServiceFilter(command, tenant, query);
            if (query.Near is { } near)
            {
                filter.Append(" AND EXISTS (SELECT 1 FROM directory_service_locations AS l WHERE l.tenant = s.tenant AND l.service_id = s.id AND ")
                    .Append(Within(command, near)).Append(')');
            }

            var from = $"directory_services AS s WHERE {filter}";
            var (total, items) = await ReadPageAsync(
                command, query, $"SELECT count(*) FROM {from}", $"SELECT {DirectoryColumns} FROM {from} ORDER BY lower(s.name), s.id", ReadService, cancellationToken);
            return new DirectoryServicePage(items, total);
        });
    }

    public Task<DirectoryServiceAtLocationPage> ListServiceAtLocationsAsync(TenantId tenant, DirectoryServiceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        return RunAsync(async () =>
        {
            await using var connection = await OpenMeasuringAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            var filter = ServiceFilter(command, tenant, query);
            var distance = "NULL";
            var order = "lower(s.name), s.id, l.id";
            if (query.Near is { } near)
            {
                filter.Append(" AND ").Append(Within(command, near));
                distance = "directory_distance($latitude, $longitude, l.latitude, l.longitude)";
                order = "distance, lower(s.name), s.id, l.id";
            }

            var from = $"directory_service_locations AS l JOIN directory_services AS s ON s.tenant = l.tenant AND s.id = l.service_id WHERE {filter}";
            var (total, items) = await ReadPageAsync(
                command,
                query,
                $"SELECT count(*) FROM {from}",
                $"SELECT {DirectoryColumns}, {LocationColumns}, {distance} AS distance FROM {from} ORDER BY {order}",
                ReadServiceAtLocation,
                cancellationToken);
            return new DirectoryServiceAtLocationPage(items, total);
        });
    }

    public Task<DirectoryServiceAtLocation?> FindServiceAtLocationAsync(TenantId tenant, Guid id, CancellationToken cancellationToken = default) =>
        FindOneAsync(
            $"""
                SELECT {DirectoryColumns}, {LocationColumns}, NULL
                FROM directory_service_locations AS l JOIN directory_services AS s ON s.tenant = l.tenant AND s.id = l.service_id
                WHERE l.tenant = $tenant AND l.id = $id ORDER BY s.id LIMIT 1
                """,
            parameters =>
            {
                parameters.AddWithValue("$tenant", tenant.Value);
                parameters.AddWithValue("$id", Key(id));
            },
            ReadServiceAtLocation,
            cancellationToken);

    public Task<IReadOnlyList<DirectoryServiceRecord>> FindCandidatesAsync(TenantId tenant, DirectoryCandidateQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        return RunAsync<IReadOnlyList<DirectoryServiceRecord>>(async () =>
        {
            await using var connection = await OpenMeasuringAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Parameters.AddWithValue("$tenant", tenant.Value);
            command.Parameters.AddWithValue("$limit", query.Limit);
            var eligible = "s.tenant = $tenant AND s.status = 'active'";
            if (query.Age is { } age)
            {
                command.Parameters.AddWithValue("$age", (double)age);
                eligible += " AND (s.minimum_age IS NULL OR s.minimum_age <= $age) AND (s.maximum_age IS NULL OR s.maximum_age >= $age)";
            }

            string? matching = null;
            if (query.Words.Count > 0)
            {
                // Any of the words, each as the start of a word.
                command.Parameters.AddWithValue("$match", string.Join(" OR ", query.Words.Distinct(StringComparer.Ordinal).Select(w => $"\"{w}\"*")));
                matching = "s.id IN (SELECT k.id FROM directory_search AS f JOIN directory_search_keys AS k ON k.rowid = f.rowid WHERE directory_search MATCH $match AND k.tenant = $tenant)";
            }

            var sources = new List<string>();
            if (query.Near is { } near)
            {
                sources.Add(Nearest(near, null, string.Empty));
                if (matching is not null)
                {
                    sources.Add(Nearest(near with { Meters = Math.Min(DirectoryArea.MaxMeters, near.Meters * DirectoryCandidateQuery.WordsReach) }, matching, "far"));
                    sources.Add($"SELECT * FROM (SELECT s.id FROM directory_services AS s WHERE {eligible} AND NOT s.located AND {matching} ORDER BY s.id LIMIT $limit)");
                }
            }
            else if (matching is not null)
            {
                // The best by FTS5's rank (bm25) first.
                sources.Add($"""
                    SELECT * FROM (SELECT s.id FROM directory_search AS f
                        JOIN directory_search_keys AS k ON k.rowid = f.rowid
                        JOIN directory_services AS s ON s.tenant = k.tenant AND s.id = k.id
                        WHERE directory_search MATCH $match AND k.tenant = $tenant AND {eligible}
                        ORDER BY f.rank, s.id LIMIT $limit)
                    """);
            }

            command.CommandText = sources.Count == 0
                ? $"SELECT {DirectoryColumns} FROM directory_services AS s WHERE {eligible} ORDER BY lower(s.name), s.id LIMIT $limit"
                : $"SELECT {DirectoryColumns} FROM directory_services AS s WHERE s.tenant = $tenant AND s.id IN ({string.Join(" UNION ", sources)})";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var found = new List<DirectoryServiceRecord>();
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add(ReadService(reader));
            }

            return found;

            // The services with a place in the area (holding the words, when given), nearest first, from the nearest few
            // times the limit of places, as the PostgreSQL engine reads them.
            string Nearest(DirectoryArea area, string? holding, string suffix) => $"""
                SELECT * FROM (SELECT n.service_id FROM (
                        SELECT l.service_id, directory_distance($latitude{suffix}, $longitude{suffix}, l.latitude, l.longitude) AS away
                        FROM directory_service_locations AS l WHERE l.tenant = $tenant AND {Within(command, area, suffix)}
                        ORDER BY away LIMIT $limit * {DirectoryCandidateQuery.NearestRead}) AS n
                    JOIN directory_services AS s ON s.tenant = $tenant AND s.id = n.service_id
                    WHERE {eligible}{(holding is null ? string.Empty : " AND " + holding)}
                    ORDER BY n.away LIMIT $limit)
                """;
        });
    }

    public Task<DirectoryRecord?> FindRecordAsync(TenantId tenant, string kind, Guid id, CancellationToken cancellationToken = default) =>
        FindOneAsync(
            $"SELECT {RecordColumns} FROM directory_records WHERE tenant = $tenant AND kind = $kind AND id = $id",
            parameters =>
            {
                parameters.AddWithValue("$tenant", tenant.Value);
                parameters.AddWithValue("$kind", kind);
                parameters.AddWithValue("$id", Key(id));
            },
            ReadRecord,
            cancellationToken);

    public Task<DirectoryRecordPage> ListRecordsAsync(TenantId tenant, DirectoryRecordQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        return RunAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Parameters.AddWithValue("$tenant", tenant.Value);
            command.Parameters.AddWithValue("$kind", query.Kind);
            var filter = new StringBuilder("tenant = $tenant AND kind = $kind");
            var words = DirectorySearchText.Words(query.Search);
            for (var i = 0; i < words.Count; i++)
            {
                // Folded words hold only letters, digits and spaces: nothing a LIKE pattern would read as a wildcard.
                command.Parameters.AddWithValue($"$word{i}", "% " + words[i] + "%");
                filter.Append(CultureInfo.InvariantCulture, $" AND (' ' || search_words) LIKE $word{i}");
            }

            if (query.TaxonomyId is { } taxonomy)
            {
                command.Parameters.AddWithValue("$taxonomy", Key(taxonomy));
                filter.Append(" AND taxonomy_id = $taxonomy");
            }

            if (query.ParentId is { } parent)
            {
                command.Parameters.AddWithValue("$parent", Key(parent));
                filter.Append(" AND parent_id = $parent");
            }

            if (query.TopOnly)
            {
                filter.Append(" AND parent_id IS NULL");
            }

            var (total, items) = await ReadPageAsync(
                command,
                new DirectoryServiceQuery(query.Page, query.PerPage),
                $"SELECT count(*) FROM directory_records WHERE {filter}",
                $"SELECT {RecordColumns} FROM directory_records WHERE {filter} ORDER BY lower(name), id",
                ReadRecord,
                cancellationToken);
            return new DirectoryRecordPage(items, total);
        });
    }

    public Task<int> UpsertPostalCodesAsync(TenantId tenant, IReadOnlyList<PostalCodeCentroid> centroids, CancellationToken cancellationToken = default)
    {
        PostalCodeCentroid.ValidateAll(centroids);
        if (centroids.Count == 0)
        {
            return Task.FromResult(0);
        }

        return RunAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await _writeGate.WaitAsync(cancellationToken);
            try
            {
                await using var tx = connection.BeginTransaction(deferred: false);
                await using var write = connection.CreateCommand();
                write.Transaction = tx;
                write.CommandText = """
                    INSERT INTO directory_postal_codes (tenant, code, latitude, longitude)
                    SELECT $tenant, value ->> 'Code', value ->> 'Latitude', value ->> 'Longitude' FROM json_each($centroids) WHERE true
                    ON CONFLICT (tenant, code) DO UPDATE SET latitude = excluded.latitude, longitude = excluded.longitude
                    """;
                write.Parameters.AddWithValue("$tenant", tenant.Value);
                write.Parameters.AddWithValue("$centroids", JsonSerializer.Serialize(centroids));
                await write.ExecuteNonQueryAsync(cancellationToken);
                await tx.CommitAsync(cancellationToken);
                return centroids.Count;
            }
            finally
            {
                _writeGate.Release();
            }
        });
    }

    public Task<PostalCodeCentroid?> FindPostalCodeAsync(TenantId tenant, string code, CancellationToken cancellationToken = default) =>
        FindOneAsync(
            "SELECT code, latitude, longitude FROM directory_postal_codes WHERE tenant = $tenant AND code = $code",
            parameters =>
            {
                parameters.AddWithValue("$tenant", tenant.Value);
                parameters.AddWithValue("$code", PostalCodeCentroid.Normalize(code));
            },
            reader => new PostalCodeCentroid(reader.GetString(0), reader.GetDouble(1), reader.GetDouble(2)),
            cancellationToken);

    /// <summary>
    /// A connection that knows the directory's distance (<c>directory_distance</c>), computed as the PostgreSQL engine
    /// computes it: only the reads that measure distance register it.
    /// </summary>
    private async Task<SqliteConnection> OpenMeasuringAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        connection.CreateFunction<double?, double?, double?, double?, double?>(
            "directory_distance",
            (latitude1, longitude1, latitude2, longitude2) => latitude1 is { } a && longitude1 is { } b && latitude2 is { } c && longitude2 is { } d ? DirectoryArea.DistanceMeters(a, b, c, d) : null,
            isDeterministic: true);
        return connection;
    }

    /// <summary>One row of a query, read by <paramref name="read"/>; null when there is none.</summary>
    private Task<T?> FindOneAsync<T>(string sql, Action<SqliteParameterCollection> parameters, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
        where T : class =>
        RunAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            parameters(command.Parameters);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? read(reader) : null;
        });

    /// <summary>The conditions on a service row <c>s</c> that a query names, with their parameters added to <paramref name="command"/>.</summary>
    private static StringBuilder ServiceFilter(SqliteCommand command, TenantId tenant, DirectoryServiceQuery query)
    {
        command.Parameters.AddWithValue("$tenant", tenant.Value);
        var filter = new StringBuilder("s.tenant = $tenant");
        if (query.ModifiedAfter is { } after)
        {
            command.Parameters.AddWithValue("$after", Text(after));
            filter.Append(" AND s.updated_at > $after");
        }

        if (query.OrganizationId is { } organization)
        {
            command.Parameters.AddWithValue("$organization", Key(organization));
            filter.Append(" AND s.organization_id = $organization");
        }

        var words = DirectorySearchText.Words(query.Search);
        if (words.Count > 0)
        {
            command.Parameters.AddWithValue("$match", string.Join(' ', words.Select(w => $"\"{w}\"*")));
            filter.Append("""
                 AND s.id IN (SELECT k.id FROM directory_search AS f JOIN directory_search_keys AS k ON k.rowid = f.rowid
                              WHERE directory_search MATCH $match AND k.tenant = $tenant)
                """);
        }

        if (query.TaxonomyTermId is { } term)
        {
            command.Parameters.AddWithValue("$term", Key(term));
            filter.Append(" AND EXISTS (SELECT 1 FROM directory_service_terms AS t WHERE t.tenant = s.tenant AND t.service_id = s.id AND t.term_id = $term)");
        }

        if (query.TaxonomyId is { } taxonomy)
        {
            command.Parameters.AddWithValue("$taxonomy", Key(taxonomy));
            filter.Append("""
                 AND EXISTS (SELECT 1 FROM directory_service_terms AS t
                             JOIN directory_records AS r ON r.tenant = t.tenant AND r.kind = 'taxonomy_term' AND r.id = t.term_id
                             WHERE t.tenant = s.tenant AND t.service_id = s.id AND r.taxonomy_id = $taxonomy)
                """);
        }

        return filter;
    }

    /// <summary>That a location row <c>l</c> lies in <paramref name="area"/>: within its band of latitudes (the index), then by distance.</summary>
    private static string Within(SqliteCommand command, DirectoryArea area, string suffix = "")
    {
        var (min, max) = area.LatitudeBand;
        command.Parameters.AddWithValue("$south" + suffix, min);
        command.Parameters.AddWithValue("$north" + suffix, max);
        command.Parameters.AddWithValue("$latitude" + suffix, area.Latitude);
        command.Parameters.AddWithValue("$longitude" + suffix, area.Longitude);
        command.Parameters.AddWithValue("$meters" + suffix, area.Meters);
        return $"l.latitude BETWEEN $south{suffix} AND $north{suffix} AND directory_distance($latitude{suffix}, $longitude{suffix}, l.latitude, l.longitude) <= $meters{suffix}";
    }

    /// <summary>Runs a count and a page of the same rows in one command.</summary>
    private static async Task<(long Total, List<T> Items)> ReadPageAsync<T>(
        SqliteCommand command, DirectoryServiceQuery page, string countSql, string pageSql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        command.CommandText = $"{countSql}; {pageSql} LIMIT $limit OFFSET $offset;";
        command.Parameters.AddWithValue("$limit", page.PerPage);
        command.Parameters.AddWithValue("$offset", (long)(page.Page - 1) * page.PerPage);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var items = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(read(reader));
        }

        return (total, items);
    }

    /// <summary>Puts the service's folded words in the full-text index, in place of what it held for it.</summary>
    private static async Task IndexWordsAsync(SqliteConnection connection, SqliteTransaction tx, TenantId tenant, DirectoryServiceRecord service, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            INSERT INTO directory_search_keys (tenant, id) VALUES ($tenant, $id) ON CONFLICT (tenant, id) DO NOTHING;
            DELETE FROM directory_search WHERE rowid = (SELECT rowid FROM directory_search_keys WHERE tenant = $tenant AND id = $id);
            INSERT INTO directory_search (rowid, words) SELECT rowid, $words FROM directory_search_keys WHERE tenant = $tenant AND id = $id;
            """;
        command.Parameters.AddWithValue("$tenant", tenant.Value);
        command.Parameters.AddWithValue("$id", Key(service.Id));
        command.Parameters.AddWithValue("$words", DirectorySearchText.Fold(service.SearchText));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The digests already stored for <paramref name="ids"/>, by a query taking <c>$tenant</c> and <c>$ids</c>.</summary>
    private static async Task<Dictionary<Guid, string>> DigestsAsync(
        SqliteConnection connection, SqliteTransaction tx, string sql, TenantId tenant, IEnumerable<Guid> ids, CancellationToken cancellationToken, params (string Name, string Value)[] more)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$tenant", tenant.Value);
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids.Select(Key)));
        foreach (var (name, value) in more)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var digests = new Dictionary<Guid, string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            digests[Guid.Parse(reader.GetString(0))] = reader.GetString(1);
        }

        return digests;
    }

    private static object Nullable(Guid? id) => id is { } value ? Key(value) : DBNull.Value;

    private static DirectoryServiceRecord ReadService(SqliteDataReader reader) => new(
        Guid.Parse(reader.GetString(0)),
        reader.IsDBNull(1) ? null : Guid.Parse(reader.GetString(1)),
        reader.GetString(2),
        reader.GetString(3),
        reader.IsDBNull(4) ? null : (decimal)reader.GetDouble(4),
        reader.IsDBNull(5) ? null : (decimal)reader.GetDouble(5),
        reader.GetString(6),
        reader.IsDBNull(7) ? null : DateOnly.ParseExact(reader.GetString(7), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        reader.IsDBNull(8) ? null : Time(reader.GetString(8)),
        reader.GetString(9),
        reader.GetString(10),
        Time(reader.GetString(11)));

    /// <summary>A row of <see cref="DirectoryColumns"/>, then <see cref="LocationColumns"/>, then the distance.</summary>
    private static DirectoryServiceAtLocation ReadServiceAtLocation(SqliteDataReader reader) => new(
        new DirectoryServiceLocation(
            Guid.Parse(reader.GetString(12)),
            reader.IsDBNull(13) ? null : Guid.Parse(reader.GetString(13)),
            reader.IsDBNull(14) ? null : reader.GetDouble(14),
            reader.IsDBNull(15) ? null : reader.GetDouble(15),
            reader.IsDBNull(16) ? null : reader.GetString(16)),
        ReadService(reader),
        reader.IsDBNull(17) ? null : reader.GetDouble(17));

    private static DirectoryRecord ReadRecord(SqliteDataReader reader) => new(
        reader.GetString(0),
        Guid.Parse(reader.GetString(1)),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : Guid.Parse(reader.GetString(3)),
        reader.IsDBNull(4) ? null : Guid.Parse(reader.GetString(4)),
        reader.GetString(5),
        reader.GetString(6),
        Time(reader.GetString(7)));
}
