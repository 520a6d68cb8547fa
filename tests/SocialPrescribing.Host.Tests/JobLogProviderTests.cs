using Microsoft.Extensions.Logging;
using SocialPrescribing.Host.Hosting;

namespace SocialPrescribing.Host.Tests;

/// <summary>Hangfire logging through a host that has stopped (another host of the same process set the provider) fails nothing.</summary>
public sealed class JobLogProviderTests
{
    [Fact]
    public void Loggers_of_a_disposed_factory_drop_their_lines_instead_of_throwing()
    {
        var factory = LoggerFactory.Create(logging => logging.AddConsole());
        var provider = new JobLogProvider(new Hangfire.AspNetCore.AspNetCoreLogProvider(factory));
        var before = provider.GetLogger("Hangfire.Before");
        factory.Dispose();

        Assert.Throws<ObjectDisposedException>(() => new Hangfire.AspNetCore.AspNetCoreLogProvider(factory).GetLogger("Hangfire.Raw"));
        var after = provider.GetLogger("Hangfire.AutomaticRetryAttribute");
        Assert.False(after.Log(Hangfire.Logging.LogLevel.Warn, () => "retrying", null));
        _ = before.Log(Hangfire.Logging.LogLevel.Warn, () => "still here", null);
    }
}
