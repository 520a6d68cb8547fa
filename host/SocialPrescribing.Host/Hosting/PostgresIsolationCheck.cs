using SocialPrescribing.Storage.Postgres;

namespace SocialPrescribing.Host.Hosting;

/// <summary>
/// After the migrations, asks PostgreSQL whether row-level security binds the host's role. Anything amiss is logged
/// as a warning at every start-up. In Production a role that row-level security does not bind at all (a superuser, a
/// role with BYPASSRLS) or a tenant table without it stops start-up: the database would then keep no tenant apart.
/// A role that owns the tables is only warned about: FORCE binds the owner too, and switching it off takes DDL.
/// </summary>
internal sealed partial class PostgresIsolationCheck(PostgresJourneyStore store, IHostEnvironment environment, ILogger<PostgresIsolationCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var report = await store.CheckIsolationAsync(cancellationToken);
        foreach (var problem in report.Problems)
        {
            LogProblem(problem);
        }

        if (!report.Enforced && environment.IsProduction())
        {
            throw new InvalidOperationException(
                "PostgreSQL row-level security does not keep tenants apart for this host: " + string.Join("; ", report.Problems)
                + ". Connect with a role that is neither superuser nor BYPASSRLS (ConnectionStrings:Postgres), migrate with the owner "
                + "(ConnectionStrings:PostgresOwner), and see the README's \"Tenant isolation\".");
        }

        if (report.Complete)
        {
            LogEnforced(report.Role);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4400, Level = LogLevel.Warning, Message = "Tenant isolation in PostgreSQL is weakened: {Problem}")]
    private partial void LogProblem(string problem);

    [LoggerMessage(EventId = 4401, Level = LogLevel.Information, Message = "PostgreSQL row-level security binds the host's role {Role} on every tenant table")]
    private partial void LogEnforced(string role);
}
