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
    string? Note);
