using System.Globalization;
using Microsoft.Data.Sqlite;
using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage.Sqlite;

/// <summary>The community directory (<see cref="IDirectoryStore"/>) in the same file, behind the same write gate.</summary>
public sealed partial class SqliteJourneyStore : IDirectoryStore
{
    private const string DirectoryColumns =
        "id, organization_id, name, status, minimum_age, maximum_age, cost, assured_date, last_modified, search_text, document, updated_at";

    public Task<DirectoryUpsert> UpsertServicesAsync(TenantId tenant, IReadOnlyList<DirectoryServiceRecord> services, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        DirectoryServiceRecord.ValidateAll(services);
        if (services.Count == 0)
        {
            return Task.FromResult(DirectoryUpsert.None);
        }

        return RunAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await _writeGate.WaitAsync(cancellationToken);
            try
            {
                await using var tx = connection.BeginTransaction(deferred: false);
                var known = await DigestsAsync(connection, tx, tenant, services, cancellationToken);
                int imported = 0, updated = 0;
                await using var write = connection.CreateCommand();
                write.Transaction = tx;
                write.CommandText = """
                    INSERT INTO directory_services (tenant, id, organization_id, name, status, minimum_age, maximum_age, cost, assured_date,
                                                    last_modified, search_text, document, digest, created_at, updated_at)
                    VALUES ($tenant, $id, $organization, $name, $status, $min, $max, $cost, $assured, $modified, $search, $document, $digest, $at, $at)
                    ON CONFLICT (tenant, id) DO UPDATE SET
                        organization_id = excluded.organization_id, name = excluded.name, status = excluded.status,
                        minimum_age = excluded.minimum_age, maximum_age = excluded.maximum_age, cost = excluded.cost,
                        assured_date = excluded.assured_date, last_modified = excluded.last_modified, search_text = excluded.search_text,
                        document = excluded.document, digest = excluded.digest, updated_at = excluded.updated_at
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
                    write.Parameters.AddWithValue("$organization", service.OrganizationId is { } organization ? Key(organization) : DBNull.Value);
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
                    await write.ExecuteNonQueryAsync(cancellationToken);
                    await IndexWordsAsync(connection, tx, tenant, service, cancellationToken);
                    if (known.ContainsKey(service.Id))
                    {
                        updated++;
                    }
                    else
                    {
                        imported++;
                    }
                }

                await tx.CommitAsync(cancellationToken);
                return new DirectoryUpsert(imported, updated, services.Count - imported - updated);
            }
            finally
            {
                _writeGate.Release();
            }
        });
    }

    public Task<DirectoryServiceRecord?> FindServiceAsync(TenantId tenant, Guid id, CancellationToken cancellationToken = default) =>
        RunAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {DirectoryColumns} FROM directory_services WHERE tenant = $tenant AND id = $id";
            command.Parameters.AddWithValue("$tenant", tenant.Value);
            command.Parameters.AddWithValue("$id", Key(id));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? ReadService(reader) : null;
        });

    public Task<DirectoryServicePage> ListServicesAsync(TenantId tenant, DirectoryServiceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        return RunAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            var words = DirectorySearchText.Words(query.Search);
            var filter = """
                tenant = $tenant AND ($after IS NULL OR updated_at > $after) AND ($organization IS NULL OR organization_id = $organization)
                """;
            if (words.Count > 0)
            {
                filter += """
                     AND id IN (SELECT k.id FROM directory_search AS f JOIN directory_search_keys AS k ON k.rowid = f.rowid
                                WHERE directory_search MATCH $match AND k.tenant = $tenant)
                    """;
                command.Parameters.AddWithValue("$match", string.Join(' ', words.Select(w => $"\"{w}\"*")));
            }

            command.CommandText = $"""
                SELECT count(*) FROM directory_services WHERE {filter};
                SELECT {DirectoryColumns} FROM directory_services WHERE {filter} ORDER BY lower(name), id LIMIT $limit OFFSET $offset;
                """;
            command.Parameters.AddWithValue("$tenant", tenant.Value);
            command.Parameters.AddWithValue("$after", query.ModifiedAfter is { } after ? Text(after) : DBNull.Value);
            command.Parameters.AddWithValue("$organization", query.OrganizationId is { } organization ? Key(organization) : DBNull.Value);
            command.Parameters.AddWithValue("$limit", query.PerPage);
            command.Parameters.AddWithValue("$offset", (long)(query.Page - 1) * query.PerPage);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var total = reader.GetInt64(0);
            await reader.NextResultAsync(cancellationToken);
            var items = new List<DirectoryServiceRecord>();
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(ReadService(reader));
            }

            return new DirectoryServicePage(items, total);
        });
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

    private static async Task<Dictionary<Guid, string>> DigestsAsync(
        SqliteConnection connection, SqliteTransaction tx, TenantId tenant, IReadOnlyList<DirectoryServiceRecord> services, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT id, digest FROM directory_services WHERE tenant = $tenant AND id IN (SELECT value FROM json_each($ids))";
        command.Parameters.AddWithValue("$tenant", tenant.Value);
        command.Parameters.AddWithValue("$ids", System.Text.Json.JsonSerializer.Serialize(services.Select(s => Key(s.Id))));
        var digests = new Dictionary<Guid, string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            digests[Guid.Parse(reader.GetString(0))] = reader.GetString(1);
        }

        return digests;
    }

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
}
