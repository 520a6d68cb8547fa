namespace SocialPrescribing.Benchmarks;

/// <summary>
/// What one worker saw: the latency of each measured command (in <see cref="System.Diagnostics.Stopwatch"/> ticks), how
/// many of them completed within the counted window (the throughput), and its failures.
/// </summary>
internal sealed record WorkerSamples(List<long> Latencies, int Completed, int Errors, Exception? FirstError);
