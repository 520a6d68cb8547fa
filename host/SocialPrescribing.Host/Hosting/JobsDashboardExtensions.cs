using Hangfire;
using SocialPrescribing.Host.Features.Access;

namespace SocialPrescribing.Host.Hosting;

/// <summary>The background jobs' dashboard, beside <see cref="HostingExtensions.AddBackgroundJobs"/>.</summary>
internal static class JobsDashboardExtensions
{
    /// <summary>
    /// <c>/hangfire</c>, for operators only: it spans every tenant. Hangfire's own "local requests" check is replaced
    /// by the operations policy, since behind a reverse proxy on the same machine every request would be local.
    /// </summary>
    public static IEndpointRouteBuilder MapJobsDashboard(this IEndpointRouteBuilder app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [] })
            .RequireAuthorization(AccessPolicies.Operations);
        return app;
    }
}
