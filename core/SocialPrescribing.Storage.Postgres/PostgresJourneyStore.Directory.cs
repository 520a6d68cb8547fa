using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using SocialPrescribing.Abstractions;
using static SocialPrescribing.Storage.Postgres.PostgresParameters;

namespace SocialPrescribing.Storage.Postgres;

/// <summary>
/// The community directory (<see cref="IDirectoryStore"/>) in the same schema, under the same row-level security. An
/// upsert copies its rows into temporary tables with binary COPY (an import may hold tens of thousands of services),
/// then merges them by id in one statement that leaves unchanged documents alone; the locations and taxonomy terms of
/// each added or changed service are then replaced.
/// </summary>
public sealed partial class PostgresJourneyStore : IDirectoryStore
{
    private const string DirectoryColumns =
        "s.id, s.organization_id, s.name, s.status, s.minimum_age, s.maximum_age, s.cost, s.assured_date, s.last_modified, s.search_text, s.document, s.updated_at";

    private const string DirectoryRowColumns =
        "tenant, id, organization_id, name, status, minimum_age, maximum_age, cost, assured_date, last_modified, search_text, search_words, document, digest, created_at, updated_at, located";

    /// <summary>
    /// A location row <c>l</c> on the plane of <c>ix_directory_service_locations_by_point</c>: its longitude scaled by the
    /// cosine of its latitude, so that a degree either way is about as long on the ground.
    /// </summary>
    internal const string PlanePoint = "point(longitude * cos(radians(latitude)), latitude)";

    private const string PlanePointOfL = "point(l.longitude * cos(radians(l.latitude)), l.latitude)";

    /// <summary>
    /// The word every service of a tenant holds among its search words (<c>sptenant</c> and the tenant's id in hex, which
    /// no folded text can be mistaken for by another tenant): a full-text condition that names it needs no row to know
    /// whose the service is.
    /// </summary>
    internal static string TenantWord(TenantId tenant) => "sptenant" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(tenant.Value));

    private const string LocationRowColumns = "tenant, service_id, id, location_id, latitude, longitude, postal_code";

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
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await using (var scope = new NpgsqlBatch(connection, tx))
            {
                scope.BatchCommands.Add(PostgresTenantScope.For(tenant));
                await scope.ExecuteNonQueryAsync(cancellationToken);
            }

            var written = new DirectoryWrite(
                services.Count == 0 ? DirectoryUpsert.None : await MergeServicesAsync(connection, tx, tenant, services, at, cancellationToken),
                records.Count == 0 ? DirectoryUpsert.None : await MergeRecordsAsync(connection, tx, tenant, records, at, cancellationToken));
            await tx.CommitAsync(cancellationToken);
            return written;
        }, migrateFirst: true, cancellationToken);
    }

    private async Task<DirectoryUpsert> MergeServicesAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, TenantId tenant, IReadOnlyList<DirectoryServiceRecord> services, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var schema = _sql.QuotedSchema;
        await using (var prepare = new NpgsqlBatch(connection, tx))
        {
            prepare.BatchCommands.Add(new NpgsqlBatchCommand($"CREATE TEMPORARY TABLE directory_import (LIKE {schema}.directory_services) ON COMMIT DROP"));
            prepare.BatchCommands.Add(new NpgsqlBatchCommand($"CREATE TEMPORARY TABLE directory_import_locations (LIKE {schema}.directory_service_locations) ON COMMIT DROP"));
            prepare.BatchCommands.Add(new NpgsqlBatchCommand($"CREATE TEMPORARY TABLE directory_import_terms (LIKE {schema}.directory_service_terms) ON COMMIT DROP"));
            await prepare.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync($"COPY directory_import ({DirectoryRowColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var service in services)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(tenant.Value, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(service.Id, NpgsqlDbType.Uuid, cancellationToken);
                await WriteNullableAsync(copy, service.OrganizationId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(service.Name, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(service.Status, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(copy, service.MinimumAge, NpgsqlDbType.Numeric, cancellationToken);
                await WriteNullableAsync(copy, service.MaximumAge, NpgsqlDbType.Numeric, cancellationToken);
                await copy.WriteAsync(service.Cost, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(copy, service.AssuredDate, NpgsqlDbType.Date, cancellationToken);
                await WriteNullableAsync(copy, service.LastModified?.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(service.SearchText, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(TenantWord(tenant) + " " + DirectorySearchText.Fold(service.SearchText), NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(service.Document, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(service.Digest, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(at.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(at.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(service.Locations.Any(l => l.Latitude is not null), NpgsqlDbType.Boolean, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        if (services.Any(s => s.Locations.Count > 0))
        {
            await using var copy = await connection.BeginBinaryImportAsync($"COPY directory_import_locations ({LocationRowColumns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var service in services)
            {
                foreach (var location in service.Locations)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(tenant.Value, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(service.Id, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(location.Id, NpgsqlDbType.Uuid, cancellationToken);
                    await WriteNullableAsync(copy, location.LocationId, NpgsqlDbType.Uuid, cancellationToken);
                    await WriteNullableAsync(copy, location.Latitude, NpgsqlDbType.Double, cancellationToken);
                    await WriteNullableAsync(copy, location.Longitude, NpgsqlDbType.Double, cancellationToken);
                    if (location.PostalCode is { } postalCode)
                    {
                        await copy.WriteAsync(postalCode, NpgsqlDbType.Text, cancellationToken);
                    }
                    else
                    {
                        await copy.WriteNullAsync(cancellationToken);
                    }
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        if (services.Any(s => s.TaxonomyTermIds.Count > 0))
        {
            await using var copy = await connection.BeginBinaryImportAsync("COPY directory_import_terms (tenant, service_id, term_id) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var service in services)
            {
                foreach (var term in service.TaxonomyTermIds)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(tenant.Value, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(service.Id, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(term, NpgsqlDbType.Uuid, cancellationToken);
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        var changed = new List<Guid>();
        var replaced = new List<Guid>();
        // Each added or changed service's words and name key go to the narrow search table in the same statement.
        await using (var merge = new NpgsqlCommand(
            $"""
            WITH merged AS (
                INSERT INTO {schema}.directory_services AS d ({DirectoryRowColumns}) SELECT {DirectoryRowColumns} FROM directory_import
                ON CONFLICT (tenant, id) DO UPDATE SET
                    organization_id = excluded.organization_id, name = excluded.name, status = excluded.status,
                    minimum_age = excluded.minimum_age, maximum_age = excluded.maximum_age, cost = excluded.cost,
                    assured_date = excluded.assured_date, last_modified = excluded.last_modified, search_text = excluded.search_text,
                    search_words = excluded.search_words, located = excluded.located,
                    document = excluded.document, digest = excluded.digest, updated_at = excluded.updated_at
                WHERE d.digest <> excluded.digest
                RETURNING d.tenant, d.id, lower(d.name) AS name_key, d.search_vector, (xmax = 0) AS added),
            searched AS (
                INSERT INTO {schema}.directory_service_search AS w (tenant, id, name_key, search_vector)
                SELECT tenant, id, name_key, search_vector FROM merged
                ON CONFLICT (tenant, id) DO UPDATE SET name_key = excluded.name_key, search_vector = excluded.search_vector)
            SELECT id, added FROM merged
            """,
            connection,
            tx))
        {
            await using var reader = await merge.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                changed.Add(reader.GetGuid(0));
                if (!reader.GetBoolean(1))
                {
                    replaced.Add(reader.GetGuid(0));
                }
            }
        }

        if (changed.Count > 0)
        {
            // The locations and terms of every added or changed service are its new ones, whatever it had before. The
            // imported rows are joined to the changed ids (a hash join) rather than tested against the array row by row,
            // which for a batch of 10,000 took longer than the merge itself. Only services that were there before (updated,
            // not added) have rows to delete.
            await using var replace = new NpgsqlBatch(connection, tx);
            foreach (var (table, columns) in new[] { ("directory_service_locations", LocationRowColumns), ("directory_service_terms", "tenant, service_id, term_id") })
            {
                if (replaced.Count > 0)
                {
                    var delete = new NpgsqlBatchCommand($"DELETE FROM {schema}.{table} WHERE tenant = $1 AND service_id = ANY($2)");
                    delete.Parameters.Add(Text(tenant.Value));
                    delete.Parameters.Add(Array(replaced.ToArray()));
                    replace.BatchCommands.Add(delete);
                }

                var insert = new NpgsqlBatchCommand(
                    $"""
                    INSERT INTO {schema}.{table} ({columns})
                    SELECT {string.Join(", ", columns.Split(", ").Select(c => "i." + c))}
                    FROM {(table == "directory_service_terms" ? "directory_import_terms" : "directory_import_locations")} AS i
                    JOIN unnest($2::uuid[]) AS c (id) ON c.id = i.service_id
                    WHERE i.tenant = $1
                    """);
                insert.Parameters.Add(Text(tenant.Value));
                insert.Parameters.Add(Array(changed.ToArray()));
                replace.BatchCommands.Add(insert);
            }

            await replace.ExecuteNonQueryAsync(cancellationToken);
        }

        return new DirectoryUpsert(changed.Count - replaced.Count, replaced.Count, services.Count - changed.Count);
    }

    private async Task<DirectoryUpsert> MergeRecordsAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, TenantId tenant, IReadOnlyList<DirectoryRecord> records, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var merge = new NpgsqlCommand(
            $"""
            INSERT INTO {_sql.QuotedSchema}.directory_records AS d
                (tenant, kind, id, name, taxonomy_id, parent_id, search_text, search_words, document, digest, created_at, updated_at)
            SELECT $1, r.kind, r.id, r.name, r.taxonomy_id, r.parent_id, r.search_text, r.search_words, r.document, r.digest, $9, $9
            FROM unnest($2::text[], $3::uuid[], $4::text[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $10::text[], $11::text[])
                AS r (kind, id, name, taxonomy_id, parent_id, search_words, document, digest, search_text)
            ON CONFLICT (tenant, kind, id) DO UPDATE SET
                name = excluded.name, taxonomy_id = excluded.taxonomy_id, parent_id = excluded.parent_id,
                search_text = excluded.search_text, search_words = excluded.search_words,
                document = excluded.document, digest = excluded.digest, updated_at = excluded.updated_at
            WHERE d.digest <> excluded.digest
            RETURNING (xmax = 0)
            """,
            connection,
            tx);
        merge.Parameters.Add(Text(tenant.Value));
        merge.Parameters.Add(Array(records.Select(r => r.Kind).ToArray()));
        merge.Parameters.Add(Array(records.Select(r => r.Id).ToArray()));
        merge.Parameters.Add(Array(records.Select(r => r.Name).ToArray()));
        merge.Parameters.Add(Array(records.Select(r => r.TaxonomyId).ToArray()));
        merge.Parameters.Add(Array(records.Select(r => r.ParentId).ToArray()));
        merge.Parameters.Add(Array(records.Select(r => DirectorySearchText.Fold(r.SearchText)).ToArray()));
        merge.Parameters.Add(Array(records.Select(r => r.Document).ToArray()));
        merge.Parameters.Add(Timestamp(at));
        merge.Parameters.Add(Array(records.Select(r => r.Digest).ToArray()));
        merge.Parameters.Add(Array(records.Select(r => r.SearchText).ToArray()));
        int imported = 0, updated = 0;
        await using var reader = await merge.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            _ = reader.GetBoolean(0) ? imported++ : updated++;
        }

        return new DirectoryUpsert(imported, updated, records.Count - imported - updated);
    }

    public Task<DirectoryServiceRecord?> FindServiceAsync(TenantId tenant, Guid id, CancellationToken cancellationToken = default) =>
        RunAsync(async () =>
        {
            var find = new NpgsqlBatchCommand($"SELECT {DirectoryColumns} FROM {_sql.QuotedSchema}.directory_services AS s WHERE s.tenant = $1 AND s.id = $2");
            find.Parameters.Add(Text(tenant.Value));
            find.Parameters.Add(Uuid(id));
            await using var batch = PostgresTenantScope.Batch(_dataSource, PostgresTenantScope.For(tenant), find);
            await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? ReadService(reader, 0) : null;
        }, migrateFirst: true, cancellationToken);

    public Task<DirectoryServicePage> ListServicesAsync(TenantId tenant, DirectoryServiceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        return RunAsync(async () =>
        {
            var schema = _sql.QuotedSchema;
            var page = $"LIMIT {query.PerPage} OFFSET {(long)(query.Page - 1) * query.PerPage}";
            if (OnlyWords(query) && DirectorySearchText.Words(query.Search).Count > 0)
            {
                // A search by words alone reads its matches once from the narrow search table (its words name the tenant,
                // so no other condition is needed), counts them and orders the page there, and only then reads the
                // page's services. One row comes back even past the last page, to carry the total.
                var (counted, found) = await ReadCountedPageAsync(
                    tenant,
                    $"""
                    WITH matched AS MATERIALIZED (
                        SELECT w.id, w.name_key FROM {schema}.directory_service_search AS w WHERE w.search_vector @@ to_tsquery('simple', $2)),
                    shown AS (SELECT m.id, m.name_key FROM matched AS m ORDER BY m.name_key, m.id {page})
                    SELECT (SELECT count(*) FROM matched), {DirectoryColumns}
                    FROM (SELECT) AS one
                    LEFT JOIN (shown AS p JOIN {schema}.directory_services AS s ON s.tenant = $1 AND s.id = p.id) ON true
                    ORDER BY p.name_key, p.id
                    """,
                    [Text(tenant.Value), Text(SearchQuery(tenant, query.Search))],
                    reader => ReadService(reader, 1),
                    cancellationToken);
                return new DirectoryServicePage(found, counted);
            }

            var filter = ServiceFilter(tenant, query, out var parameters);
            if (query.Near is { } near)
            {
                filter.Append(CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM {schema}.directory_service_locations AS l WHERE l.tenant = s.tenant AND l.service_id = s.id AND {WithinSql(near, parameters)})");
            }

            var from = $"{schema}.directory_services AS s WHERE {filter}";
            var (total, items) = await ReadPageAsync(
                tenant, $"SELECT count(*) FROM {from}", $"SELECT {DirectoryColumns} FROM {from} ORDER BY lower(s.name), s.id {page}", parameters, reader => ReadService(reader, 0), cancellationToken);
            return new DirectoryServicePage(items, total);
        }, migrateFirst: true, cancellationToken);
    }

    public Task<DirectoryServiceAtLocationPage> ListServiceAtLocationsAsync(TenantId tenant, DirectoryServiceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        return RunAsync(async () =>
        {
            var filter = ServiceFilter(tenant, query, out var parameters);
            var distance = "NULL::float8";
            var order = "lower(s.name), s.id, l.id";
            if (query.Near is { } near)
            {
                filter.Append(" AND ").Append(WithinSql(near, parameters));
                distance = DistanceOf(near, parameters);
                order = "distance, lower(s.name), s.id, l.id";
            }

            var from = $"{_sql.QuotedSchema}.directory_service_locations AS l JOIN {_sql.QuotedSchema}.directory_services AS s ON s.tenant = l.tenant AND s.id = l.service_id WHERE {filter}";
            var (total, items) = await ReadPageAsync(
                tenant,
                $"SELECT count(*) FROM {from}",
                $"SELECT {DirectoryColumns}, {LocationColumns}, {distance} AS distance FROM {from} ORDER BY {order} LIMIT {query.PerPage} OFFSET {(long)(query.Page - 1) * query.PerPage}",
                parameters,
                ReadServiceAtLocation,
                cancellationToken);
            return new DirectoryServiceAtLocationPage(items, total);
        }, migrateFirst: true, cancellationToken);
    }

    public Task<DirectoryServiceAtLocation?> FindServiceAtLocationAsync(TenantId tenant, Guid id, CancellationToken cancellationToken = default) =>
        RunAsync(async () =>
        {
            var find = new NpgsqlBatchCommand(
                $"""
                SELECT {DirectoryColumns}, {LocationColumns}, NULL::float8
                FROM {_sql.QuotedSchema}.directory_service_locations AS l JOIN {_sql.QuotedSchema}.directory_services AS s ON s.tenant = l.tenant AND s.id = l.service_id
                WHERE l.tenant = $1 AND l.id = $2 ORDER BY s.id LIMIT 1
                """);
            find.Parameters.Add(Text(tenant.Value));
            find.Parameters.Add(Uuid(id));
            await using var batch = PostgresTenantScope.Batch(_dataSource, PostgresTenantScope.For(tenant), find);
            await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? ReadServiceAtLocation(reader) : null;
        }, migrateFirst: true, cancellationToken);

    public Task<IReadOnlyList<DirectoryServiceRecord>> FindCandidatesAsync(TenantId tenant, DirectoryCandidateQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        return RunAsync<IReadOnlyList<DirectoryServiceRecord>>(async () =>
        {
            var schema = _sql.QuotedSchema;
            var parameters = new List<NpgsqlParameter> { Text(tenant.Value), Integer(query.Limit) };
            var eligible = "s.tenant = $1 AND s.status = 'active'";
            if (query.Age is { } age)
            {
                parameters.Add(new NpgsqlParameter<decimal> { TypedValue = age });
                eligible += $" AND (s.minimum_age IS NULL OR s.minimum_age <= ${parameters.Count}) AND (s.maximum_age IS NULL OR s.maximum_age >= ${parameters.Count})";
            }

            string? words = null;
            if (query.Words.Count > 0)
            {
                // Any of the words, each as the start of a word.
                parameters.Add(Text(string.Join(" | ", query.Words.Distinct(StringComparer.Ordinal).Select(w => w + ":*"))));
                words = $"to_tsquery('simple', ${parameters.Count})";
            }

            var sources = new List<string>();
            if (query.Near is { } near)
            {
                sources.Add(Nearest(near, null));
                if (words is not null)
                {
                    sources.Add(Nearest(near with { Meters = Math.Min(DirectoryArea.MaxMeters, near.Meters * DirectoryCandidateQuery.WordsReach) }, words));
                    sources.Add($"(SELECT s.id FROM {schema}.directory_services AS s WHERE {eligible} AND NOT s.located AND s.search_vector @@ {words} ORDER BY s.id LIMIT $2)");
                }
            }
            else if (words is not null)
            {
                sources.Add($"""
                    (SELECT s.id FROM {schema}.directory_service_search AS w JOIN {schema}.directory_services AS s ON s.tenant = w.tenant AND s.id = w.id
                     WHERE w.tenant = $1 AND w.search_vector @@ {words} AND {eligible} ORDER BY ts_rank(w.search_vector, {words}) DESC, s.id LIMIT $2)
                    """);
            }

            var sql = sources.Count == 0
                ? $"SELECT {DirectoryColumns} FROM {schema}.directory_services AS s WHERE {eligible} ORDER BY lower(s.name), s.id LIMIT $2"
                : $"SELECT {DirectoryColumns} FROM {schema}.directory_services AS s WHERE s.tenant = $1 AND s.id IN ({string.Join(" UNION ", sources)})";
            var find = new NpgsqlBatchCommand(sql);
            find.Parameters.AddRange(parameters.ToArray());
            await using var batch = PostgresTenantScope.Batch(_dataSource, PostgresTenantScope.For(tenant), find);
            await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
            var found = new List<DirectoryServiceRecord>();
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add(ReadService(reader, 0));
            }

            return found;

            // The services with a place in the area (holding the words, when given), nearest first. The point index hands
            // out the places nearest on its plane one by one, so only the nearest few times the limit are read, and only
            // those are checked against the services (open to the person, holding the words).
            string Nearest(DirectoryArea area, string? holding)
            {
                var within = WithinSql(area, parameters);
                parameters.Add(new NpgsqlParameter<double> { TypedValue = area.Longitude * Math.Cos(area.Latitude * Math.PI / 180) });
                parameters.Add(new NpgsqlParameter<double> { TypedValue = area.Latitude });
                var from = $"point(${parameters.Count - 1}, ${parameters.Count})";
                return $"""
                    (SELECT n.service_id FROM (
                        SELECT l.service_id, {PlanePointOfL} <-> {from} AS away FROM {schema}.directory_service_locations AS l
                        WHERE l.tenant = $1 AND {within} ORDER BY {PlanePointOfL} <-> {from} LIMIT $2 * {DirectoryCandidateQuery.NearestRead}) AS n
                     JOIN {schema}.directory_services AS s ON s.tenant = $1 AND s.id = n.service_id
                     WHERE {eligible}{(holding is null ? string.Empty : $" AND s.search_vector @@ {holding}")}
                     ORDER BY n.away LIMIT $2)
                    """;
            }
        }, migrateFirst: true, cancellationToken);
    }

    public Task<DirectoryRecord?> FindRecordAsync(TenantId tenant, string kind, Guid id, CancellationToken cancellationToken = default) =>
        RunAsync(async () =>
        {
            var find = new NpgsqlBatchCommand($"SELECT {RecordColumns} FROM {_sql.QuotedSchema}.directory_records WHERE tenant = $1 AND kind = $2 AND id = $3");
            find.Parameters.Add(Text(tenant.Value));
            find.Parameters.Add(Text(kind));
            find.Parameters.Add(Uuid(id));
            await using var batch = PostgresTenantScope.Batch(_dataSource, PostgresTenantScope.For(tenant), find);
            await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? ReadRecord(reader) : null;
        }, migrateFirst: true, cancellationToken);

    public Task<DirectoryRecordPage> ListRecordsAsync(TenantId tenant, DirectoryRecordQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        return RunAsync(async () =>
        {
            var parameters = new List<NpgsqlParameter> { Text(tenant.Value), Text(query.Kind) };
            var filter = new StringBuilder("tenant = $1 AND kind = $2");
            foreach (var word in DirectorySearchText.Words(query.Search))
            {
                // Folded words hold only letters, digits and spaces: nothing a LIKE pattern would read as a wildcard.
                parameters.Add(Text("% " + word + "%"));
                filter.Append(CultureInfo.InvariantCulture, $" AND (' ' || search_words) LIKE ${parameters.Count}");
            }

            if (query.TaxonomyId is { } taxonomy)
            {
                parameters.Add(Uuid(taxonomy));
                filter.Append(CultureInfo.InvariantCulture, $" AND taxonomy_id = ${parameters.Count}");
            }

            if (query.ParentId is { } parent)
            {
                parameters.Add(Uuid(parent));
                filter.Append(CultureInfo.InvariantCulture, $" AND parent_id = ${parameters.Count}");
            }

            if (query.TopOnly)
            {
                filter.Append(" AND parent_id IS NULL");
            }

            var from = $"{_sql.QuotedSchema}.directory_records WHERE {filter}";
            var (total, items) = await ReadPageAsync(
                tenant,
                $"SELECT count(*) FROM {from}",
                $"SELECT {RecordColumns} FROM {from} ORDER BY lower(name), id LIMIT {query.PerPage} OFFSET {(long)(query.Page - 1) * query.PerPage}",
                parameters,
                ReadRecord,
                cancellationToken);
            return new DirectoryRecordPage(items, total);
        }, migrateFirst: true, cancellationToken);
    }

    public Task<int> UpsertPostalCodesAsync(TenantId tenant, IReadOnlyList<PostalCodeCentroid> centroids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(centroids);
        PostalCodeCentroid.ValidateAll(centroids);
        if (centroids.Count == 0)
        {
            return Task.FromResult(0);
        }

        return RunAsync(async () =>
        {
            var write = new NpgsqlBatchCommand(
                $"""
                INSERT INTO {_sql.QuotedSchema}.directory_postal_codes (tenant, code, latitude, longitude)
                SELECT $1, c.code, c.latitude, c.longitude FROM unnest($2::text[], $3::float8[], $4::float8[]) AS c (code, latitude, longitude)
                ON CONFLICT (tenant, code) DO UPDATE SET latitude = excluded.latitude, longitude = excluded.longitude
                """);
            write.Parameters.Add(Text(tenant.Value));
            write.Parameters.Add(Array(centroids.Select(c => c.Code).ToArray()));
            write.Parameters.Add(Array(centroids.Select(c => c.Latitude).ToArray()));
            write.Parameters.Add(Array(centroids.Select(c => c.Longitude).ToArray()));
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await using var batch = new NpgsqlBatch(connection, tx) { BatchCommands = { PostgresTenantScope.For(tenant), write } };
            await batch.ExecuteNonQueryAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return centroids.Count;
        }, migrateFirst: true, cancellationToken);
    }

    public Task<PostalCodeCentroid?> FindPostalCodeAsync(TenantId tenant, string code, CancellationToken cancellationToken = default) =>
        RunAsync(async () =>
        {
            var find = new NpgsqlBatchCommand($"SELECT code, latitude, longitude FROM {_sql.QuotedSchema}.directory_postal_codes WHERE tenant = $1 AND code = $2");
            find.Parameters.Add(Text(tenant.Value));
            find.Parameters.Add(Text(PostalCodeCentroid.Normalize(code)));
            await using var batch = PostgresTenantScope.Batch(_dataSource, PostgresTenantScope.For(tenant), find);
            await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? new PostalCodeCentroid(reader.GetString(0), reader.GetDouble(1), reader.GetDouble(2)) : null;
        }, migrateFirst: true, cancellationToken);

    private const string LocationColumns = "l.id, l.location_id, l.latitude, l.longitude, l.postal_code";

    /// <summary>
    /// A search's words as a full-text query: the tenant's word and each word as the start of a word (folded text holds
    /// only letters, digits and spaces, so nothing to escape).
    /// </summary>
    private static string SearchQuery(TenantId tenant, string? search) =>
        string.Join(" & ", DirectorySearchText.Words(search).Select(w => w + ":*").Prepend(TenantWord(tenant)));

    /// <summary>True when a query of services names nothing but words (and a page): its filter is the tenant, then the words.</summary>
    private static bool OnlyWords(DirectoryServiceQuery query) =>
        query is { ModifiedAfter: null, OrganizationId: null, TaxonomyTermId: null, TaxonomyId: null, Near: null };

    /// <summary>The conditions on a service row <c>s</c> that a query names, numbering its parameters from $1 (the tenant).</summary>
    private StringBuilder ServiceFilter(TenantId tenant, DirectoryServiceQuery query, out List<NpgsqlParameter> parameters)
    {
        parameters = [Text(tenant.Value)];
        var filter = new StringBuilder("s.tenant = $1");
        if (query.ModifiedAfter is { } after)
        {
            parameters.Add(Timestamp(after));
            filter.Append(CultureInfo.InvariantCulture, $" AND s.updated_at > ${parameters.Count}");
        }

        if (query.OrganizationId is { } organization)
        {
            parameters.Add(Uuid(organization));
            filter.Append(CultureInfo.InvariantCulture, $" AND s.organization_id = ${parameters.Count}");
        }

        if (DirectorySearchText.Words(query.Search).Count > 0)
        {
            parameters.Add(Text(SearchQuery(tenant, query.Search)));
            filter.Append(CultureInfo.InvariantCulture, $" AND s.id IN (SELECT w.id FROM {_sql.QuotedSchema}.directory_service_search AS w WHERE w.tenant = $1 AND w.search_vector @@ to_tsquery('simple', ${parameters.Count}))");
        }

        if (query.TaxonomyTermId is { } term)
        {
            parameters.Add(Uuid(term));
            filter.Append(CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM {_sql.QuotedSchema}.directory_service_terms AS t WHERE t.tenant = s.tenant AND t.service_id = s.id AND t.term_id = ${parameters.Count})");
        }

        if (query.TaxonomyId is { } taxonomy)
        {
            parameters.Add(Uuid(taxonomy));
            filter.Append(CultureInfo.InvariantCulture, $"""
                 AND EXISTS (SELECT 1 FROM {_sql.QuotedSchema}.directory_service_terms AS t
                             JOIN {_sql.QuotedSchema}.directory_records AS r ON r.tenant = t.tenant AND r.kind = 'taxonomy_term' AND r.id = t.term_id
                             WHERE t.tenant = s.tenant AND t.service_id = s.id AND r.taxonomy_id = ${parameters.Count})
                """);
        }

        return filter;
    }

    /// <summary>
    /// That a location row <c>l</c> lies in <paramref name="area"/>: within the box around its circle (the point index),
    /// or its band of latitudes where no box fits, then by distance.
    /// </summary>
    private static string WithinSql(DirectoryArea area, List<NpgsqlParameter> parameters)
    {
        var (south, north) = area.LatitudeBand;
        string band;
        if (area.LongitudeBand is var (west, east))
        {
            // The box's corners on the index's plane: a longitude scaled by its latitude's cosine is at its extremes at a corner.
            var xs = new[] { (west, south), (west, north), (east, south), (east, north) }.Select(c => c.Item1 * Math.Cos(c.Item2 * Math.PI / 180)).ToList();
            foreach (var corner in new[] { xs.Min(), south, xs.Max(), north })
            {
                parameters.Add(new NpgsqlParameter<double> { TypedValue = corner });
            }

            band = $"l.latitude IS NOT NULL AND {PlanePointOfL} <@ box(point(${parameters.Count - 3}, ${parameters.Count - 2}), point(${parameters.Count - 1}, ${parameters.Count}))";
        }
        else
        {
            parameters.Add(new NpgsqlParameter<double> { TypedValue = south });
            parameters.Add(new NpgsqlParameter<double> { TypedValue = north });
            band = $"l.latitude BETWEEN ${parameters.Count - 1} AND ${parameters.Count}";
        }

        var distance = DistanceOf(area, parameters);
        parameters.Add(new NpgsqlParameter<double> { TypedValue = area.Meters });
        return $"{band} AND {distance} <= ${parameters.Count}";
    }

    private static string DistanceOf(DirectoryArea area, List<NpgsqlParameter> parameters)
    {
        parameters.Add(new NpgsqlParameter<double> { TypedValue = area.Latitude });
        parameters.Add(new NpgsqlParameter<double> { TypedValue = area.Longitude });
        // The great-circle distance to a location row l, as DirectoryArea.DistanceMeters computes it.
        var (latitude, longitude) = ($"${parameters.Count - 1}", $"${parameters.Count}");
        return $"(2 * {DirectoryArea.EarthRadiusMeters.ToString(CultureInfo.InvariantCulture)} * asin(least(1, sqrt(power(sin(radians(l.latitude - {latitude}) / 2), 2)"
            + $" + cos(radians({latitude})) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - {longitude}) / 2), 2)))))";
    }

    /// <summary>Runs a count and a page of the same rows in one round trip, under the tenant's scope.</summary>
    private async Task<(long Total, List<T> Items)> ReadPageAsync<T>(
        TenantId tenant, string countSql, string pageSql, List<NpgsqlParameter> parameters, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        var count = new NpgsqlBatchCommand(countSql);
        var page = new NpgsqlBatchCommand(pageSql);
        foreach (var parameter in parameters)
        {
            count.Parameters.Add(parameter.Clone());
            page.Parameters.Add(parameter.Clone());
        }

        await using var batch = PostgresTenantScope.Batch(_dataSource, PostgresTenantScope.For(tenant), count, page);
        await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
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

    /// <summary>
    /// A page whose one statement carries the total in its first column and an item in the rest of each row; a row whose
    /// second column is null carries only the total (a page past the last).
    /// </summary>
    private async Task<(long Total, List<T> Items)> ReadCountedPageAsync<T>(
        TenantId tenant, string sql, NpgsqlParameter[] parameters, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        var page = new NpgsqlBatchCommand(sql);
        page.Parameters.AddRange(parameters);
        await using var batch = PostgresTenantScope.Batch(_dataSource, PostgresTenantScope.For(tenant), page);
        await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
        var (total, items) = (0L, new List<T>());
        while (await reader.ReadAsync(cancellationToken))
        {
            total = reader.GetInt64(0);
            if (!reader.IsDBNull(1))
            {
                items.Add(read(reader));
            }
        }

        return (total, items);
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct
    {
        if (value is { } present)
        {
            await copy.WriteAsync(present, type, cancellationToken);
        }
        else
        {
            await copy.WriteNullAsync(cancellationToken);
        }
    }

    private static DirectoryServiceRecord ReadService(NpgsqlDataReader reader, int first) => new(
        reader.GetGuid(first),
        reader.IsDBNull(first + 1) ? null : reader.GetGuid(first + 1),
        reader.GetString(first + 2),
        reader.GetString(first + 3),
        reader.IsDBNull(first + 4) ? null : reader.GetDecimal(first + 4),
        reader.IsDBNull(first + 5) ? null : reader.GetDecimal(first + 5),
        reader.GetString(first + 6),
        reader.IsDBNull(first + 7) ? null : reader.GetFieldValue<DateOnly>(first + 7),
        reader.IsDBNull(first + 8) ? null : reader.GetFieldValue<DateTimeOffset>(first + 8),
        reader.GetString(first + 9),
        reader.GetString(first + 10),
        reader.GetFieldValue<DateTimeOffset>(first + 11));

    /// <summary>A row of <see cref="DirectoryColumns"/>, then <see cref="LocationColumns"/>, then the distance.</summary>
    private static DirectoryServiceAtLocation ReadServiceAtLocation(NpgsqlDataReader reader) => new(
        new DirectoryServiceLocation(
            reader.GetGuid(12),
            reader.IsDBNull(13) ? null : reader.GetGuid(13),
            reader.IsDBNull(14) ? null : reader.GetDouble(14),
            reader.IsDBNull(15) ? null : reader.GetDouble(15),
            reader.IsDBNull(16) ? null : reader.GetString(16)),
        ReadService(reader, 0),
        reader.IsDBNull(17) ? null : reader.GetDouble(17));

    private static DirectoryRecord ReadRecord(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetGuid(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetGuid(3),
        reader.IsDBNull(4) ? null : reader.GetGuid(4),
        reader.GetString(5),
        reader.GetString(6),
        reader.GetFieldValue<DateTimeOffset>(7));
}
