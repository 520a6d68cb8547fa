namespace SocialPrescribing.Benchmarks;

/// <summary>What one worker saw: the latency of each measured command (in <see cref="System.Diagnostics.Stopwatch"/> ticks) and its failures.</summary>
internal sealed record WorkerSamples(List<long> Latencies, int Errors, Exception? FirstError);
