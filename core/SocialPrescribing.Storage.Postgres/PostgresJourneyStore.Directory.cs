using Npgsql;
using NpgsqlTypes;
using SocialPrescribing.Abstractions;
using static SocialPrescribing.Storage.Postgres.PostgresParameters;

namespace SocialPrescribing.Storage.Postgres;

/// <summary>
/// The community directory (<see cref="IDirectoryStore"/>) in the same schema, under the same row-level security. An
/// upsert copies its rows into a temporary table with binary COPY (an import may hold tens of thousands of services),
/// then merges them by id in one statement that leaves unchanged documents alone.
/// </summary>
public sealed partial class PostgresJourneyStore : IDirectoryStore
{
    private const string DirectoryColumns =
        "id, organization_id, name, status, minimum_age, maximum_age, cost, assured_date, last_modified, search_text, document, updated_at";

    private const string DirectoryRowColumns =
        "tenant, id, organization_id, name, status, minimum_age, maximum_age, cost, assured_date, last_modified, search_text, search_words, document, digest, created_at, updated_at";

    public Task<DirectoryUpsert> UpsertServicesAsync(TenantId tenant, IReadOnlyList<DirectoryServiceRecord> services, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        DirectoryServiceRecord.ValidateAll(services);
        if (services.Count == 0)
        {
            return Task.FromResult(DirectoryUpsert.None);
        }

        var table = $"{_sql.QuotedSchema}.directory_services";
        return RunAsync(async () =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await using (var prepare = new NpgsqlBatch(connection, tx))
            {
                prepare.BatchCommands.Add(PostgresTenantScope.For(tenant));
                prepare.BatchCommands.Add(new NpgsqlBatchCommand($"CREATE TEMPORARY TABLE directory_import (LIKE {table}) ON COMMIT DROP"));
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
                    await copy.WriteAsync(DirectorySearchText.Fold(service.SearchText), NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(service.Document, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(service.Digest, NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(at.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync(at.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                }

                await copy.CompleteAsync(cancellationToken);
            }

            int imported = 0, updated = 0;
            await using (var merge = new NpgsqlCommand(
                $"""
                INSERT INTO {table} AS d ({DirectoryRowColumns}) SELECT {DirectoryRowColumns} FROM directory_import
                ON CONFLICT (tenant, id) DO UPDATE SET
                    organization_id = excluded.organization_id, name = excluded.name, status = excluded.status,
                    minimum_age = excluded.minimum_age, maximum_age = excluded.maximum_age, cost = excluded.cost,
                    assured_date = excluded.assured_date, last_modified = excluded.last_modified, search_text = excluded.search_text,
                    search_words = excluded.search_words,
                    document = excluded.document, digest = excluded.digest, updated_at = excluded.updated_at
                WHERE d.digest <> excluded.digest
                RETURNING (xmax = 0)
                """,
                connection,
                tx))
            {
                await using var reader = await merge.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (reader.GetBoolean(0))
                    {
                        imported++;
                    }
                    else
                    {
                        updated++;
                    }
                }
            }

            await tx.CommitAsync(cancellationToken);
            return new DirectoryUpsert(imported, updated, services.Count - imported - updated);
        }, migrateFirst: true, cancellationToken);
    }

    public Task<DirectoryServiceRecord?> FindServiceAsync(TenantId tenant, Guid id, CancellationToken cancellationToken = default) =>
        RunAsync(async () =>
        {
            var find = new NpgsqlBatchCommand($"SELECT {DirectoryColumns} FROM {_sql.QuotedSchema}.directory_services WHERE tenant = $1 AND id = $2");
            find.Parameters.Add(Text(tenant.Value));
            find.Parameters.Add(Uuid(id));
            await using var batch = PostgresTenantScope.Batch(_dataSource, PostgresTenantScope.For(tenant), find);
            await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? ReadService(reader) : null;
        }, migrateFirst: true, cancellationToken);

    public Task<DirectoryServicePage> ListServicesAsync(TenantId tenant, DirectoryServiceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        return RunAsync(async () =>
        {
            const string Filter =
                "tenant = $1 AND ($2::timestamptz IS NULL OR updated_at > $2) AND ($3::uuid IS NULL OR organization_id = $3) AND ($4::text IS NULL OR search_vector @@ to_tsquery('simple', $4))";
            var words = DirectorySearchText.Words(query.Search);
            var count = new NpgsqlBatchCommand($"SELECT count(*) FROM {_sql.QuotedSchema}.directory_services WHERE {Filter}");
            var page = new NpgsqlBatchCommand(
                $"SELECT {DirectoryColumns} FROM {_sql.QuotedSchema}.directory_services WHERE {Filter} ORDER BY lower(name), id LIMIT $5 OFFSET $6");
            foreach (var parameters in new[] { count.Parameters, page.Parameters })
            {
                parameters.Add(Text(tenant.Value));
                parameters.Add(NullableTimestamp(query.ModifiedAfter));
                parameters.Add(new NpgsqlParameter { Value = (object?)query.OrganizationId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
                // Each word as the start of a word: folded text holds only letters, digits and spaces, so nothing to escape.
                parameters.Add(NullableText(words.Count == 0 ? null : string.Join(" & ", words.Select(w => w + ":*"))));
            }

            page.Parameters.Add(Integer(query.PerPage));
            page.Parameters.Add(BigInt((long)(query.Page - 1) * query.PerPage));
            await using var batch = PostgresTenantScope.Batch(_dataSource, PostgresTenantScope.For(tenant), count, page);
            await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var total = reader.GetInt64(0);
            await reader.NextResultAsync(cancellationToken);
            var items = new List<DirectoryServiceRecord>();
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(ReadService(reader));
            }

            return new DirectoryServicePage(items, total);
        }, migrateFirst: true, cancellationToken);
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

    private static DirectoryServiceRecord ReadService(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.IsDBNull(1) ? null : reader.GetGuid(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetDecimal(4),
        reader.IsDBNull(5) ? null : reader.GetDecimal(5),
        reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7),
        reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
        reader.GetString(9),
        reader.GetString(10),
        reader.GetFieldValue<DateTimeOffset>(11));
}
