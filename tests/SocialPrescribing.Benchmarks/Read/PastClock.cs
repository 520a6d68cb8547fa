namespace SocialPrescribing.Benchmarks.Read;

/// <summary>
/// The silo's clock while a data set is generated: inside a grain call that carries a moment in its Orleans request
/// context (<see cref="At"/>, which travels with each call, so that 64 journeys loaded at once each keep their own
/// past), that moment; the real time anywhere else. Only the grain method itself sees the past (set by
/// <see cref="PastClockFilter"/> around it): Orleans reads the same clock while it activates and collects grains,
/// and refuses to schedule a collection in the past. Timers and timeouts use <see cref="TimeProvider.GetTimestamp"/>,
/// which stays real.
/// </summary>
internal sealed class PastClock : TimeProvider
{
    public const string Key = "sp-bench-now";

    private static readonly AsyncLocal<long?> Moment = new();

    /// <summary>Makes the grain calls that follow, in this asynchronous flow, happen at <paramref name="moment"/>.</summary>
    public static void At(DateTimeOffset moment) => RequestContext.Set(Key, moment.UtcTicks);

    /// <summary>The moment the grain method running in this flow happens at (null for now).</summary>
    public static long? Current
    {
        get => Moment.Value;
        set => Moment.Value = value;
    }

    public override DateTimeOffset GetUtcNow() =>
        Moment.Value is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : base.GetUtcNow();
}
