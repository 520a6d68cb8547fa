using Microsoft.Extensions.DependencyInjection;

namespace SocialPrescribing.Clustering.Postgres;

public static class PostgresClusteringExtensions
{
    /// <summary>Records the silo's cluster membership in PostgreSQL, in the given schema.</summary>
    /// <param name="silo">The silo.</param>
    /// <param name="connectionString">Npgsql connection string.</param>
    /// <param name="schema">Schema of the membership tables.</param>
    /// <param name="createSchema">Whether the silo creates the tables itself (false where its role may not run DDL).</param>
    public static ISiloBuilder UsePostgresClustering(this ISiloBuilder silo, string connectionString, string schema = "social_prescribing", bool createSchema = true)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.Configure<PostgresClusteringOptions>(o =>
        {
            o.ConnectionString = connectionString;
            o.Schema = schema;
            o.CreateSchema = createSchema;
        });
        silo.Services.AddSingleton<IMembershipTable, PostgresMembershipTable>();
        return silo;
    }
}
