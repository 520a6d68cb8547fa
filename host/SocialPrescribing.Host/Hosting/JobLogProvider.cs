using Hangfire.Logging;

namespace SocialPrescribing.Host.Hosting;

/// <summary>
/// Hangfire's log provider is one for the whole process: the last host to start sets it to its own logger factory.
/// Where several hosts share a process (the test suites) and that host stops first, Hangfire would log through a
/// disposed factory and fail whatever it was doing, enqueuing a job included. This provider logs through the host's
/// factory while it lives and drops Hangfire's lines once it is gone, so no request fails for a log line.
/// </summary>
internal sealed class JobLogProvider(ILogProvider inner) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return new Guarded(inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Guarded(ILog inner) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner.Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
