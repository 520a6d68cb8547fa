using Microsoft.Extensions.Options;

namespace SocialPrescribing.Host.Hosting;

/// <summary>Configuration section <c>Storage</c> (each engine reads its own keys from the same section).</summary>
public sealed class StorageOptions
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>
    /// The storage engine: <c>sqlite</c> (the embedded default; one host) or <c>postgres</c> (production:
    /// journeys, Orleans cluster membership and Hangfire all in the PostgreSQL of <c>ConnectionStrings:Postgres</c>).
    /// </summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>PostgreSQL schema of the journey and membership tables. Default <c>social_prescribing</c>.</summary>
    public string Schema { get; set; } = "social_prescribing";

    /// <summary>The provider and connection string, validated: a typo stops start-up with the key named.</summary>
    public static (string Provider, string? ConnectionString) Resolve(IConfiguration configuration)
    {
        var provider = (configuration.GetSection("Storage").Get<StorageOptions>()?.Provider ?? Sqlite).ToLowerInvariant();
        if (provider is not (Sqlite or Postgres))
        {
            throw new OptionsValidationException("Storage", typeof(StorageOptions), [$"Storage:Provider '{provider}' is not supported; use '{Sqlite}' or '{Postgres}'."]);
        }

        var connectionString = configuration.GetConnectionString("Postgres");
        if (provider == Postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new OptionsValidationException("Storage", typeof(StorageOptions), ["Storage:Provider is 'postgres' but ConnectionStrings:Postgres is not set."]);
        }

        return (provider, connectionString);
    }

    /// <summary>
    /// <c>ConnectionStrings:PostgresOwner</c>: the role that owns the schemas and runs the migrations, granting the
    /// application's role (<c>ConnectionStrings:Postgres</c>) only row access; null when not set, and then the
    /// application's role migrates itself (development).
    /// </summary>
    public static string? OwnerConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("PostgresOwner") is { Length: > 0 } owner && !string.IsNullOrWhiteSpace(owner) ? owner : null;
}
