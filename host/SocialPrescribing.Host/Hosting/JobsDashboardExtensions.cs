using Hangfire;

namespace SocialPrescribing.Host.Hosting;

/// <summary>The background jobs' dashboard, beside <see cref="HostingExtensions.AddBackgroundJobs"/>.</summary>
internal static class JobsDashboardExtensions
{
    /// <summary><c>/hangfire</c>: the dashboard's default authorization admits local requests only.</summary>
    public static IEndpointRouteBuilder MapJobsDashboard(this IEndpointRouteBuilder app)
    {
        app.MapHangfireDashboard("/hangfire");
        return app;
    }
}
