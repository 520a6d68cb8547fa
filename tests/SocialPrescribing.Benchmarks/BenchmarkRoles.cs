using Npgsql;
using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Benchmarks;

/// <summary>
/// The application's role the PostgreSQL scenarios run the store as, as in production: no superuser, no BYPASSRLS,
/// owner of nothing, so row-level security is evaluated on every statement. The server's superuser is the owner that
/// migrates and grants it its rights.
/// </summary>
internal static class BenchmarkRoles
{
    private const string Role = "sp_bench_app";
    private const string Password = "sp-bench-app";

    /// <summary>Creates the role when missing and returns a connection string as it.</summary>
    public static async Task<string> ApplicationAsync(PostgresServer server, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            DO $$
            BEGIN
                CREATE ROLE {Role} LOGIN;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END
            $$;
            ALTER ROLE {Role} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '{Password}';
            """,
            connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Username = Role, Password = Password }.ConnectionString;
    }
}
