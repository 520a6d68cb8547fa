using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace SocialPrescribing.Storage.Postgres;

public static class PostgresStorageServiceCollectionExtensions
{
    /// <summary>
    /// The service key of the store's <see cref="NpgsqlDataSource"/>. Keyed, so other PostgreSQL users in the
    /// host (cluster membership, jobs) can register data sources of their own without replacing this one.
    /// </summary>
    public const string DataSourceKey = "SocialPrescribing.Storage.Postgres";

    /// <summary>The service key of the data source migrations run on, as the schema's owner (when one is configured).</summary>
    public const string OwnerDataSourceKey = "SocialPrescribing.Storage.Postgres.Owner";

    /// <summary>
    /// Registers the PostgreSQL engine as the <see cref="IJourneyStore"/> the <see cref="IRecordStreamStore"/>, the <see cref="IEventFeed"/> and the
    /// <see cref="IAuditLog"/> (one instance): one data source (connection pool) on
    /// <paramref name="connectionString"/> (usually <c>ConnectionStrings:Postgres</c>), options bound from
    /// <paramref name="section"/> (usually <c>Storage</c>, where <c>Storage:GroupCommit</c> turns group commit
    /// off). The container disposes the store before the data source, so queued appends are written first.
    /// With <paramref name="ownerConnectionString"/> (usually <c>ConnectionStrings:PostgresOwner</c>) migrations run on
    /// a small pool of their own as the schema's owner, which grants the application's role only what it needs;
    /// without it (a development database) they run as the application's role.
    /// </summary>
    public static IServiceCollection AddPostgresJourneyStore(
        this IServiceCollection services, string connectionString, IConfiguration section, string? ownerConnectionString = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.AddOptions<PostgresStorageOptions>()
            .Bind(section)
            .Validate(o => PostgresStorageOptions.IsValidSchemaName(o.Schema), "Storage:Schema must be lower-case letters, digits and '_', at most 63 characters.")
            .Validate(o => o.GroupCommitProblem() is null, "Storage:GroupCommitWriters (1-64), Storage:GroupCommitMaxBatch (1-10000) and Storage:GroupCommitQueueLimit (1-1000000) must be in range.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddKeyedSingleton(DataSourceKey, (sp, _) =>
        {
            // The store never changes session state (no SET, LISTEN or temporary tables; its one advisory lock
            // ends with its transaction, and the tenant scope is set with set_config(…, true), local to the
            // transaction: see PostgresTenantScope), so resetting a pooled connection each time it is reopened would only
            // cost a few server statements per append: about as much again as the append itself.
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            builder.ConnectionStringBuilder.NoResetOnClose = true;
            return builder.UseLoggerFactory(sp.GetService<ILoggerFactory>()).Build();
        });
        var separateOwner = !string.IsNullOrWhiteSpace(ownerConnectionString);
        if (separateOwner)
        {
            services.AddKeyedSingleton(OwnerDataSourceKey, (sp, _) =>
            {
                // Migrations are rare and one at a time (under an advisory lock): a connection or two is plenty.
                var builder = new NpgsqlDataSourceBuilder(ownerConnectionString);
                builder.ConnectionStringBuilder.MaxPoolSize = Math.Min(builder.ConnectionStringBuilder.MaxPoolSize, 2);
                return builder.UseLoggerFactory(sp.GetService<ILoggerFactory>()).Build();
            });
        }

        services.AddSingleton(sp => new PostgresJourneyStore(
            sp.GetRequiredKeyedService<NpgsqlDataSource>(DataSourceKey),
            sp.GetRequiredService<IOptions<PostgresStorageOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PostgresJourneyStore>>(),
            sp.GetService<System.Diagnostics.Metrics.IMeterFactory>(),
            separateOwner ? sp.GetRequiredKeyedService<NpgsqlDataSource>(OwnerDataSourceKey) : null));
        services.AddSingleton<IJourneyStore>(sp => sp.GetRequiredService<PostgresJourneyStore>());
        services.AddSingleton<IRecordStreamStore>(sp => sp.GetRequiredService<PostgresJourneyStore>());
        services.AddSingleton<IEventFeed>(sp => sp.GetRequiredService<PostgresJourneyStore>());
        services.AddSingleton<IReadModelStore>(sp => sp.GetRequiredService<PostgresJourneyStore>());
        services.AddSingleton<IProjectionTallies>(sp => sp.GetRequiredService<PostgresJourneyStore>());
        services.AddSingleton<ITenantSettingsStore>(sp => sp.GetRequiredService<PostgresJourneyStore>());
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<PostgresJourneyStore>());
        services.AddSingleton<IDirectoryStore>(sp => sp.GetRequiredService<PostgresJourneyStore>());
        return services;
    }
}
