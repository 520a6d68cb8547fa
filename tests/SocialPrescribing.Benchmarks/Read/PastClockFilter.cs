namespace SocialPrescribing.Benchmarks.Read;

/// <summary>Around each grain method whose call carries a moment (<see cref="PastClock.At"/>), makes it the clock's time.</summary>
internal sealed class PastClockFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (RequestContext.Get(PastClock.Key) is not long ticks)
        {
            await context.Invoke();
            return;
        }

        PastClock.Current = ticks;
        try
        {
            await context.Invoke();
        }
        finally
        {
            PastClock.Current = null;
        }
    }
}
