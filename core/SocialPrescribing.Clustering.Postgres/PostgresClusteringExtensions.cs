using Microsoft.Extensions.DependencyInjection;

namespace SocialPrescribing.Clustering.Postgres;

public static class PostgresClusteringExtensions
{
    /// <summary>Records the silo's cluster membership in PostgreSQL, in the given schema.</summary>
    public static ISiloBuilder UsePostgresClustering(this ISiloBuilder silo, string connectionString, string schema = "social_prescribing")
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.Configure<PostgresClusteringOptions>(o =>
        {
            o.ConnectionString = connectionString;
            o.Schema = schema;
        });
        silo.Services.AddSingleton<IMembershipTable, PostgresMembershipTable>();
        return silo;
    }
}
