using Microsoft.Data.Sqlite;
using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage.Sqlite;

/// <summary>The tenants and their settings (<see cref="ITenantSettingsStore"/>): the current document and every change, in one transaction.</summary>
public sealed partial class SqliteJourneyStore : ITenantSettingsStore
{
    public Task<IReadOnlyList<StoredTenantSettings>> ReadTenantSettingsAsync(CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<StoredTenantSettings>>(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT tenant, settings, version, source, changed_at, changed_by FROM tenant_settings ORDER BY tenant";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var tenants = new List<StoredTenantSettings>();
            while (await reader.ReadAsync(cancellationToken))
            {
                tenants.Add(new StoredTenantSettings(
                    TenantId.Parse(reader.GetString(0)), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), Time(reader.GetString(4)), reader.GetString(5)));
            }

            return tenants;
        });

    public Task SaveTenantSettingsAsync(TenantSettingsChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentOutOfRangeException.ThrowIfLessThan(change.Version, 1, nameof(change));
        return RunAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await _writeGate.WaitAsync(cancellationToken);
            try
            {
                await using var tx = connection.BeginTransaction(deferred: false);
                await using var current = connection.CreateCommand();
                current.Transaction = tx;
                current.CommandText = change.Version == 1
                    ? """
                      INSERT INTO tenant_settings (tenant, version, settings, source, changed_at, changed_by)
                      VALUES ($tenant, $version, $settings, $source, $at, $by) ON CONFLICT (tenant) DO NOTHING
                      """
                    : """
                      UPDATE tenant_settings SET version = $version, settings = $settings, source = $source, changed_at = $at, changed_by = $by
                      WHERE tenant = $tenant AND version = $version - 1
                      """;
                Bind(current, change);
                if (await current.ExecuteNonQueryAsync(cancellationToken) == 0)
                {
                    throw new StreamVersionConflictException(change.Version == 1
                        ? $"Tenant '{change.Tenant.Value}' exists already."
                        : $"The settings of tenant '{change.Tenant.Value}' are not at version {change.Version - 1}.");
                }

                await using var record = connection.CreateCommand();
                record.Transaction = tx;
                record.CommandText = """
                    INSERT INTO tenant_settings_changes (tenant, version, source, changed_at, changed_by, changes, settings)
                    VALUES ($tenant, $version, $source, $at, $by, $changes, $settings)
                    """;
                Bind(record, change);
                record.Parameters.AddWithValue("$changes", change.Changes);
                await record.ExecuteNonQueryAsync(cancellationToken);
                await tx.CommitAsync(cancellationToken);
            }
            finally
            {
                _writeGate.Release();
            }
        });
    }

    public Task<IReadOnlyList<TenantSettingsChange>> ReadTenantSettingsChangesAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<TenantSettingsChange>>(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT version, source, changed_at, changed_by, changes, settings FROM tenant_settings_changes
                WHERE tenant = $tenant ORDER BY version DESC
                """;
            command.Parameters.AddWithValue("$tenant", tenant.Value);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var changes = new List<TenantSettingsChange>();
            while (await reader.ReadAsync(cancellationToken))
            {
                changes.Add(new TenantSettingsChange(
                    tenant, reader.GetInt64(0), reader.GetString(1), Time(reader.GetString(2)), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
            }

            return changes;
        });

    private static void Bind(SqliteCommand command, TenantSettingsChange change)
    {
        command.Parameters.AddWithValue("$tenant", change.Tenant.Value);
        command.Parameters.AddWithValue("$version", change.Version);
        command.Parameters.AddWithValue("$settings", change.Settings);
        command.Parameters.AddWithValue("$source", change.Source);
        command.Parameters.AddWithValue("$at", Text(change.ChangedAt));
        command.Parameters.AddWithValue("$by", change.ChangedBy);
    }
}
