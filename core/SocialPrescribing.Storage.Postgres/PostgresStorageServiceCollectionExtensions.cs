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

    /// <summary>
    /// Registers the PostgreSQL engine as the <see cref="IJourneyStore"/>: one data source (connection pool) on
    /// <paramref name="connectionString"/> (usually <c>ConnectionStrings:Postgres</c>), options bound from
    /// <paramref name="section"/> (usually <c>Storage</c>).
    /// </summary>
    public static IServiceCollection AddPostgresJourneyStore(this IServiceCollection services, string connectionString, IConfiguration section)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.AddOptions<PostgresStorageOptions>()
            .Bind(section)
            .Validate(o => PostgresStorageOptions.IsValidSchemaName(o.Schema), "Storage:Schema must be lower-case letters, digits and '_', at most 63 characters.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddKeyedSingleton(DataSourceKey, (sp, _) =>
            new NpgsqlDataSourceBuilder(connectionString).UseLoggerFactory(sp.GetService<ILoggerFactory>()).Build());
        services.AddSingleton(sp => new PostgresJourneyStore(
            sp.GetRequiredKeyedService<NpgsqlDataSource>(DataSourceKey),
            sp.GetRequiredService<IOptions<PostgresStorageOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PostgresJourneyStore>>()));
        services.AddSingleton<IJourneyStore>(sp => sp.GetRequiredService<PostgresJourneyStore>());
        return services;
    }
}
