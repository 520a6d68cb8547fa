using System.ComponentModel;
using Hangfire;
using SocialPrescribing.Abstractions.Directory;
using SocialPrescribing.Application.CommunityDirectory;
using SocialPrescribing.Host.Features.Access;
using SocialPrescribing.Host.Http;
using SocialPrescribing.Jobs;
using SocialPrescribing.Plugins;

namespace SocialPrescribing.Host.Features.CommunityDirectory;

/// <summary>The tenant's directory feeds (directory-source plugins): their schedule and runs, and a run on demand.</summary>
internal static class DirectoryFeedsFeature
{
    public static RouteGroupBuilder MapDirectoryFeeds(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/directory/feeds", ListAsync)
            .RequireAuthorization(AccessPolicies.Administration)
            .WithName("ListDirectoryFeeds").WithTags("Directory")
            .WithSummary("The directory feeds the tenant's plugins provide (directory-source), each with its schedule (Tenants:<id>:DirectoryFeedSchedule, cron in the tenant's time zone) and its last runs: what each read, imported, updated and rejected (the first rejections with their fields), and the error that stopped it, if any (tenant admins).")
            .Produces<IReadOnlyList<DirectoryFeedResponse>>();
        tenant.MapPost("/directory/feeds/{sourceId}/runs", RunAsync)
            .RequireAuthorization(AccessPolicies.Administration)
            .WithName("RunDirectoryFeed").WithTags("Directory")
            .WithSummary("Runs a feed now, in the background (Hangfire): it reads the source from the start of its last complete run and imports what changed. 202; the run appears in the feed's runs when it ends (tenant admins).")
            .Produces<DirectoryFeedRunAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return tenant;
    }

    private static async Task<IResult> ListAsync(HttpContext http, IPluginCatalog plugins, DirectoryFeedRuns runs)
    {
        var tenant = TenantEndpointFilter.GetTenant(http);
        var feeds = new List<DirectoryFeedResponse>();
        foreach (var source in plugins.ComponentsFor<IDirectorySource>(tenant.Id))
        {
            var last = await runs.ListAsync(tenant.Id, source.ComponentId, cancellationToken: http.RequestAborted);
            feeds.Add(new DirectoryFeedResponse(source.ComponentId, source.PluginId, source.PluginVersion, tenant.DirectoryFeedSchedule, tenant.TimeZone.Id, last));
        }

        return TypedResults.Ok(feeds);
    }

    private static IResult RunAsync(HttpContext http, string sourceId, IPluginCatalog plugins, IBackgroundJobClient jobs)
    {
        var tenant = TenantEndpointFilter.GetTenant(http);
        if (plugins.Find<IDirectorySource>(tenant.Id, sourceId) is null)
        {
            return Problems.NotFound("No directory feed with this id is enabled for this tenant.");
        }

        var tenantId = tenant.Id.Value;
        var startedBy = http.GetRequiredCaller().Id;
        var job = jobs.Enqueue<DirectoryFeedJob>(j => j.RunAsync(tenantId, sourceId, startedBy));
        return TypedResults.Accepted($"/api/v1/tenants/{tenantId}/directory/feeds", new DirectoryFeedRunAccepted(sourceId, job));
    }
}

internal sealed record DirectoryFeedRunAccepted(string SourceId, [property: Description("The background job's id.")] string JobId);

internal sealed record DirectoryFeedResponse(
    string SourceId,
    string PluginId,
    string PluginVersion,
    [property: Description("Cron expression, in the time zone below.")] string Schedule,
    string TimeZone,
    [property: Description("The last runs, newest first: what each read, imported, updated, left unchanged and rejected (the first rejections with their fields), and the error that stopped it (null when it read to the end).")] IReadOnlyList<DirectoryFeedRun> Runs);
