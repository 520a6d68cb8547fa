namespace SocialPrescribing.Testing.Postgres;

/// <summary>
/// One <see cref="PostgresServer"/> for a whole test assembly, started on first use (so a run that selects no
/// PostgreSQL test starts nothing) and stopped when the assembly is done. Register it with
/// <c>[assembly: AssemblyFixture(typeof(PostgresFixture))]</c> and take it in a test class's constructor.
/// </summary>
public sealed class PostgresFixture : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PostgresServer? _server;
    private Exception? _failure;

    /// <summary>
    /// The shared server. When PostgreSQL is not installed the calling test is skipped with the reason, or
    /// fails when <c>CI</c> is <c>true</c>; any other start-up failure fails the test with the server's output.
    /// </summary>
    public async Task<PostgresServer> GetServerAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_server is null && _failure is null)
            {
                try
                {
                    _server = await PostgresServer.CreateAsync();
                }
                catch (Exception ex)
                {
                    // Remembered: trying again for every test would cost seconds each and say the same.
                    _failure = ex;
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        if (_server is not null)
        {
            return _server;
        }

        if (_failure is PostgresUnavailableException unavailable)
        {
            if (PostgresServer.RunningUnderCi)
            {
                Assert.Fail(unavailable.Message + " (CI=true, where PostgreSQL tests must run, not skip)");
            }

            Assert.Skip(unavailable.Message);
        }

        throw new InvalidOperationException("The test PostgreSQL server failed to start.", _failure);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _gate.Dispose();
    }
}
