namespace SocialPrescribing.Clustering.Postgres;

/// <summary>Where the membership table lives.</summary>
public sealed class PostgresClusteringOptions
{
    /// <summary>Npgsql connection string (the host passes <c>ConnectionStrings:Postgres</c>).</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Schema of the membership tables. Default <c>social_prescribing</c>.</summary>
    public string Schema { get; set; } = "social_prescribing";

    /// <summary>
    /// Whether a silo creates the membership tables when it starts. Default <c>true</c>. Turn off where the silo's
    /// role may not run DDL; the tables are then created beforehand with <see cref="PostgresMembershipTable.CreateSchemaAsync"/>.
    /// </summary>
    public bool CreateSchema { get; set; } = true;
}
