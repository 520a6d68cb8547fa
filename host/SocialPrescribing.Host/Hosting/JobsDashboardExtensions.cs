using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Orleans.Dashboard;
using SocialPrescribing.Host.Features.Access;
using SocialPrescribing.Host.Features.WebConsole;

namespace SocialPrescribing.Host.Hosting;

/// <summary>
/// The operators' dashboards, inside the console so its sign-in covers them: Hangfire's at
/// <see cref="JobsPath"/> and, when <c>Operations:OrleansDashboard</c> is on, Orleans' at <see cref="OrleansPath"/>.
/// Both span every tenant, so both are for the operator role only; <c>/ops</c> leads to the console's operations page.
/// </summary>
internal static class JobsDashboardExtensions
{
    public const string OpsPath = ConsoleFeature.BasePath + "/ops";
    public const string JobsPath = OpsPath + "/jobs";
    public const string OrleansPath = OpsPath + "/orleans";

    /// <summary>Whether the Orleans Dashboard runs: it profiles every grain call, so a deployment turns it on.</summary>
    public static bool OrleansDashboard(IConfiguration configuration) => configuration.GetValue<bool>("Operations:OrleansDashboard");

    /// <summary>
    /// Hangfire's own "local requests" check is replaced by the operations policy on the console's session, since
    /// behind a reverse proxy on the same machine every request would be local.
    /// </summary>
    public static IEndpointRouteBuilder MapJobsDashboard(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        var operators = new AuthorizeAttribute(AccessPolicies.Operations) { AuthenticationSchemes = ConsoleFeature.Scheme };
        app.MapGet("/ops", () => Results.Redirect(OpsPath)).AllowAnonymous().ExcludeFromDescription();
        app.MapHangfireDashboard(JobsPath, new Hangfire.DashboardOptions { Authorization = [], AppPath = OpsPath, DashboardTitle = "Jobs" })
            .RequireAuthorization(operators);
        if (OrleansDashboard(configuration))
        {
            app.MapOrleansDashboard(OrleansPath).RequireAuthorization(operators).ExcludeFromDescription();
        }

        return app;
    }
}
