using System.Text.Json;
using SocialPrescribing.Abstractions;
using SocialPrescribing.CommunityDirectory.Import;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Application.CommunityDirectory;

/// <summary>
/// One run of a directory feed: when, from which moment its delta started, what it read and did, the first
/// rejections, and the error that stopped it (null when it read to the end).
/// </summary>
public sealed record DirectoryFeedRun(
    string SourceId,
    string StartedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    DateTimeOffset? ModifiedAfter,
    int Pages,
    int Received,
    int Imported,
    int Updated,
    int Unchanged,
    int Rejected,
    IReadOnlyList<DirectoryRejection> Rejections,
    string? Error)
{
    public const int KeptRejections = 50;

    public bool Complete => Error is null;
}

/// <summary>
/// The runs of each directory feed of a tenant, kept as a record stream per source (kind <see cref="Kind"/>): the last
/// complete run's start is where the next run's delta (<c>modified_after</c>) begins.
/// </summary>
public sealed class DirectoryFeedRuns(IRecordStreamStore streams)
{
    public const string Kind = "directory-feed-run";

    private const string RecordType = "DirectoryFeedRan";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The source's runs, newest first, at most <paramref name="last"/>.</summary>
    public async Task<IReadOnlyList<DirectoryFeedRun>> ListAsync(TenantId tenant, string sourceId, int last = 10, CancellationToken cancellationToken = default)
    {
        var records = await streams.ReadStreamAsync(tenant, Kind, sourceId, cancellationToken);
        return [.. records.Reverse().Take(last).Select(r => JsonSerializer.Deserialize<DirectoryFeedRun>(r.Data, Json)!)];
    }

    /// <summary>Where the next run's delta starts: the start of the last complete run, or null for a first (full) read.</summary>
    public async Task<DateTimeOffset?> NextDeltaAsync(TenantId tenant, string sourceId, CancellationToken cancellationToken = default)
    {
        var records = await streams.ReadStreamAsync(tenant, Kind, sourceId, cancellationToken);
        return records.Reverse().Select(r => JsonSerializer.Deserialize<DirectoryFeedRun>(r.Data, Json)!).FirstOrDefault(r => r.Complete)?.StartedAt;
    }

    public async Task AppendAsync(TenantId tenant, DirectoryFeedRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        for (var attempt = 0; ; attempt++)
        {
            var version = (await streams.ReadStreamAsync(tenant, Kind, run.SourceId, cancellationToken)).Count;
            try
            {
                await streams.AppendStreamAsync(
                    new RecordAppend(tenant, Kind, run.SourceId, version, [new NewEvent(RecordType, JsonSerializer.Serialize(run, Json), Guid.CreateVersion7(run.FinishedAt), run.StartedBy, run.FinishedAt)]),
                    cancellationToken);
                return;
            }
            catch (StreamVersionConflictException) when (attempt < 3)
            {
                // Two runs finished at once: each is kept, in the order they land.
            }
        }
    }
}
