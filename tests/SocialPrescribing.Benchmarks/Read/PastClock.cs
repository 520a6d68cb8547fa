namespace SocialPrescribing.Benchmarks.Read;

/// <summary>
/// The silo's clock while a data set is generated: the moment the caller put in the Orleans request context
/// (<see cref="At"/>), which travels with each grain call, so that 64 journeys loaded at once each carry their own
/// past; the real time anywhere else. Timers and timeouts use <see cref="TimeProvider.GetTimestamp"/>, which stays real.
/// </summary>
internal sealed class PastClock : TimeProvider
{
    private const string Key = "sp-bench-now";

    /// <summary>Makes the calls that follow, in this asynchronous flow, happen at <paramref name="moment"/>.</summary>
    public static void At(DateTimeOffset moment) => RequestContext.Set(Key, moment.UtcTicks);

    public override DateTimeOffset GetUtcNow() =>
        RequestContext.Get(Key) is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : base.GetUtcNow();
}
