namespace SocialPrescribing.Benchmarks;

/// <summary>One measured point: a scenario at one concurrency.</summary>
internal sealed record LoadResult(
    string Scenario,
    int Concurrency,
    long Commands,
    double CommandsPerSecond,
    double P50Milliseconds,
    double P99Milliseconds,
    long Errors,
    string? Note)
{
    /// <summary>Which repetition of the whole run (from 1) measured this point.</summary>
    public int Round { get; init; } = 1;

    /// <summary>How busy the machine was when the point ended.</summary>
    public string? Load { get; init; }
}
