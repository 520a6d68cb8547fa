namespace SocialPrescribing.Host.Hosting;

/// <summary>The one clock the host and its subsystems read.</summary>
internal static class ClockExtensions
{
    /// <summary><see cref="TimeProvider.System"/>; tests put a clock they move in its place.</summary>
    public static WebApplicationBuilder AddClock(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
