namespace Probe;

public static class ProbeType
{
    public static object Delays() => Polly.Contrib.WaitAndRetry.Backoff.ConstantBackoff(TimeSpan.FromSeconds(1), 2);
}
