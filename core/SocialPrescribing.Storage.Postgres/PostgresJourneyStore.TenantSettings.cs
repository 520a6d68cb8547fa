using Npgsql;
using SocialPrescribing.Abstractions;
using static SocialPrescribing.Storage.Postgres.PostgresParameters;

namespace SocialPrescribing.Storage.Postgres;

/// <summary>
/// The tenants and their settings (<see cref="ITenantSettingsStore"/>). Every host reads all of them as the system
/// reader; a change names its tenant, as every write does, and writes the current document and its record in one
/// statement.
/// </summary>
public sealed partial class PostgresJourneyStore : ITenantSettingsStore
{
    public Task<IReadOnlyList<StoredTenantSettings>> ReadTenantSettingsAsync(CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<StoredTenantSettings>>(async () =>
        {
            var read = new NpgsqlBatchCommand(
                $"SELECT tenant, settings, version, source, changed_at, changed_by FROM {_sql.QuotedSchema}.tenant_settings ORDER BY tenant");
            await using var batch = PostgresTenantScope.Batch(_dataSource, PostgresTenantScope.System(), read);
            await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
            var tenants = new List<StoredTenantSettings>();
            while (await reader.ReadAsync(cancellationToken))
            {
                tenants.Add(new StoredTenantSettings(
                    TenantId.Parse(reader.GetString(0)), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
                    reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5)));
            }

            return tenants;
        }, migrateFirst: true, cancellationToken);

    public Task SaveTenantSettingsAsync(TenantSettingsChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentOutOfRangeException.ThrowIfLessThan(change.Version, 1, nameof(change));
        return RunAsync(async () =>
        {
            // The current row moves only from the version before; the change is recorded only when it moved, and its
            // primary key stops a second writer of the same version. One statement, one implicit transaction.
            var schema = _sql.QuotedSchema;
            var moved = change.Version == 1
                ? $"""
                    INSERT INTO {schema}.tenant_settings (tenant, version, settings, source, changed_at, changed_by)
                    VALUES ($1, $2, $3, $4, $5, $6)
                    ON CONFLICT (tenant) DO NOTHING
                    RETURNING 1
                    """
                : $"""
                    UPDATE {schema}.tenant_settings SET version = $2, settings = $3, source = $4, changed_at = $5, changed_by = $6
                    WHERE tenant = $1 AND version = $2 - 1
                    RETURNING 1
                    """;
            var save = new NpgsqlBatchCommand($"""
                WITH moved AS (
                {moved}
                )
                INSERT INTO {schema}.tenant_settings_changes (tenant, version, source, changed_at, changed_by, changes, settings)
                SELECT $1, $2, $4, $5, $6, $7, $3 WHERE EXISTS (SELECT FROM moved)
                """);
            save.Parameters.Add(Text(change.Tenant.Value));
            save.Parameters.Add(BigInt(change.Version));
            save.Parameters.Add(Text(change.Settings));
            save.Parameters.Add(Text(change.Source));
            save.Parameters.Add(Timestamp(change.ChangedAt));
            save.Parameters.Add(Text(change.ChangedBy));
            save.Parameters.Add(Text(change.Changes));
            await using var batch = PostgresTenantScope.Batch(_dataSource, PostgresTenantScope.For(change.Tenant), save);
            try
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                throw new StreamVersionConflictException($"The settings of tenant '{change.Tenant.Value}' changed meanwhile.", ex);
            }

            if (save.RecordsAffected == 0)
            {
                throw new StreamVersionConflictException(change.Version == 1
                    ? $"Tenant '{change.Tenant.Value}' exists already."
                    : $"The settings of tenant '{change.Tenant.Value}' are not at version {change.Version - 1}.");
            }

            return true;
        }, migrateFirst: true, cancellationToken);
    }

    public Task<IReadOnlyList<TenantSettingsChange>> ReadTenantSettingsChangesAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<TenantSettingsChange>>(async () =>
        {
            await using var batch = TenantBatch(tenant, $"""
                SELECT version, source, changed_at, changed_by, changes, settings FROM {_sql.QuotedSchema}.tenant_settings_changes
                WHERE tenant = $1 ORDER BY version DESC
                """);
            await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
            var changes = new List<TenantSettingsChange>();
            while (await reader.ReadAsync(cancellationToken))
            {
                changes.Add(new TenantSettingsChange(
                    tenant, reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
            }

            return changes;
        }, migrateFirst: true, cancellationToken);
}
