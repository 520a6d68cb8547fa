namespace SocialPrescribing.Benchmarks;

/// <summary>One way of executing durable journey commands, measured at several concurrencies.</summary>
internal abstract class LoadScenario : IAsyncDisposable
{
    /// <summary>The row label in the results table.</summary>
    public abstract string Name { get; }

    /// <summary>Starts whatever serves the commands (a silo, a host process, a table).</summary>
    public abstract Task StartAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Arranges one worker's journey (not measured) and returns the command it repeats: each call executes one
    /// command and completes only once it is durable, throwing when it was not applied.
    /// </summary>
    public abstract Task<Func<Task>> CreateWorkerAsync(int worker, CancellationToken cancellationToken);

    /// <summary>Called when measuring starts; the function it returns, called when measuring ends, adds a note to the row.</summary>
    public virtual Func<string?> BeginMeasurement() => static () => null;

    public abstract ValueTask DisposeAsync();
}
