using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SocialPrescribing.Storage.Sqlite;

public static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SQLite engine as the <see cref="IJourneyStore"/> the <see cref="IRecordStreamStore"/>, the <see cref="IEventFeed"/>, the <see cref="IAuditLog"/> and the <see cref="IDirectoryStore"/> (one instance,
    /// one database file), configured from <paramref name="section"/>.
    /// </summary>
    public static IServiceCollection AddSqliteJourneyStore(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<SqliteStorageOptions>().Bind(section);
        services.AddSingleton<SqliteJourneyStore>();
        services.AddSingleton<IJourneyStore>(sp => sp.GetRequiredService<SqliteJourneyStore>());
        services.AddSingleton<IRecordStreamStore>(sp => sp.GetRequiredService<SqliteJourneyStore>());
        services.AddSingleton<IEventFeed>(sp => sp.GetRequiredService<SqliteJourneyStore>());
        services.AddSingleton<IReadModelStore>(sp => sp.GetRequiredService<SqliteJourneyStore>());
        services.AddSingleton<IProjectionTallies>(sp => sp.GetRequiredService<SqliteJourneyStore>());
        services.AddSingleton<ITenantSettingsStore>(sp => sp.GetRequiredService<SqliteJourneyStore>());
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<SqliteJourneyStore>());
        services.AddSingleton<IDirectoryStore>(sp => sp.GetRequiredService<SqliteJourneyStore>());
        return services;
    }
}
