using System.Text.RegularExpressions;

namespace SocialPrescribing.Storage.Postgres;

/// <summary>
/// Configuration section <c>Storage</c>. The connection string is not part of it: it comes from
/// <c>ConnectionStrings:Postgres</c> and is handed to the registration extension explicitly.
/// </summary>
public sealed partial class PostgresStorageOptions
{
    /// <summary>The schema name used when none is configured.</summary>
    public const string DefaultSchema = "social_prescribing";

    /// <summary>
    /// The schema that holds every table of the store, created by the migrations when missing.
    /// Default <c>social_prescribing</c>. Lower-case letters, digits and underscores, starting with a
    /// letter or underscore, at most 63 characters (PostgreSQL's identifier limit).
    /// </summary>
    public string Schema { get; set; } = DefaultSchema;

    /// <summary>
    /// Whether the store brings its schema up to date on first use. Default <c>true</c>. Turn it off
    /// where the application's database role may not run DDL and migrations are applied separately
    /// (by calling <see cref="PostgresJourneyStore.MigrateAsync"/> with a privileged role).
    /// </summary>
    public bool MigrateOnFirstUse { get; set; } = true;

    /// <summary>True when <paramref name="schema"/> is a schema name this store accepts.</summary>
    public static bool IsValidSchemaName(string? schema) => schema is not null && SchemaPattern().IsMatch(schema);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaPattern();
}
