using System.Text.Json;
using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.Extensions.Logging;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Abstractions.Directory;
using SocialPrescribing.Application.Access;
using SocialPrescribing.Application.CommunityDirectory;
using SocialPrescribing.CommunityDirectory.Import;
using SocialPrescribing.Plugins;

namespace SocialPrescribing.Jobs;

/// <summary>
/// Pulls a tenant's directory feed (an <see cref="IDirectorySource"/> of a plugin it enables) page by page, from the
/// start of its last complete run (a delta), and imports every page as an HSDS import. Each run is kept with its
/// figures and first rejections; a run stopped by an error keeps what it imported, and the next run reads again from
/// the same moment (imports by id are idempotent).
/// </summary>
public sealed partial class DirectoryFeedJob(
    IPluginCatalog plugins, IPluginInvoker invoker, DirectoryUseCases directory, DirectoryFeedRuns runs, TimeProvider time, ILogger<DirectoryFeedJob> log)
{
    /// <summary>How many pages one run reads at most: a source whose cursor never ends cannot keep a run going for ever.</summary>
    public const int MaxPages = 10_000;

    /// <summary>The Hangfire id of a tenant's recurring run of a source.</summary>
    public static string RecurringId(TenantId tenant, string sourceId) => $"directory-feed:{tenant.Value}:{sourceId}";

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(string tenant, string sourceId, string startedBy)
    {
        var tenantId = TenantId.Parse(tenant);
        if (plugins.Find<IDirectorySource>(tenantId, sourceId) is not { } source)
        {
            LogNoSource(tenant, sourceId);
            return;
        }

        var since = await runs.NextDeltaAsync(tenantId, sourceId);
        var started = time.GetUtcNow();
        var (pages, received, imported, updated, unchanged) = (0, 0, 0, 0, 0);
        var rejections = new List<DirectoryRejection>();
        var rejected = 0;
        string? error = null;
        string? cursor = null;
        try
        {
            do
            {
                if (++pages > MaxPages)
                {
                    error = $"The source gave more than {MaxPages} pages; the run stopped there.";
                    break;
                }

                var request = new DirectoryFeedRequest { Cursor = cursor, ModifiedAfter = since };
                var page = await invoker.InvokeAsync(source, "read", (s, ct) => s.ReadAsync(request, ct), p => p.Services is null ? "a page without its services" : null);
                var (services, malformed) = Parse(page.Services, received);
                rejected += malformed.Count;
                rejections.AddRange(malformed);
                if (services.Count > 0)
                {
                    var report = await directory.ImportServicesAsync(Caller.System(tenantId), JsonSerializer.SerializeToElement(services));
                    imported += report.Imported;
                    updated += report.Updated;
                    unchanged += report.Unchanged;
                    rejected += report.Rejections.Count;
                    rejections.AddRange(report.Rejections.Select(r => r with { Index = received + r.Index }));
                }

                received += page.Services.Count;
                cursor = page.NextCursor == cursor ? null : page.NextCursor;
            }
            while (cursor is not null);
        }
        catch (PluginCallException ex)
        {
            error = $"The source could not be read ({PluginStatusNames.Of(ex.Reason)}).";
        }
        catch (HsdsFormatException ex)
        {
            error = ex.Message;
        }

        var run = new DirectoryFeedRun(
            sourceId, startedBy, started, time.GetUtcNow(), since, Math.Min(pages, MaxPages), received, imported, updated, unchanged, rejected,
            [.. rejections.Take(DirectoryFeedRun.KeptRejections)], error);
        await runs.AppendAsync(tenantId, run);
        LogRan(tenant, sourceId, received, imported, updated, rejected, error is null);
    }

    /// <summary>The services of a page that are JSON objects; the others rejected, numbered from <paramref name="offset"/>.</summary>
    private static (JsonArray Services, List<DirectoryRejection> Malformed) Parse(IReadOnlyList<string> documents, int offset)
    {
        var services = new JsonArray();
        var malformed = new List<DirectoryRejection>();
        for (var i = 0; i < documents.Count; i++)
        {
            try
            {
                if (JsonNode.Parse(documents[i]) is JsonObject service)
                {
                    services.Add(service);
                    continue;
                }
            }
            catch (JsonException)
            {
            }

            malformed.Add(new DirectoryRejection(offset + i, null, "", "Not a JSON object."));
        }

        return (services, malformed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Directory feed {SourceId} of tenant {Tenant} is not enabled; nothing was read")]
    private partial void LogNoSource(string tenant, string sourceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory feed {SourceId} of tenant {Tenant}: {Received} read, {Imported} new, {Updated} updated, {Rejected} rejected, complete {Complete}")]
    private partial void LogRan(string tenant, string sourceId, int received, int imported, int updated, int rejected, bool complete);
}
