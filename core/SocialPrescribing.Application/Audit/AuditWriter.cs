using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Application.Audit;

/// <summary>
/// Writes audit entries to the <see cref="IAuditLog"/> in the order they were recorded, in batches, from one loop:
/// accesses queue their entries and go on (or wait for them with <see cref="AuditOptions.WaitForDurable"/>), so the
/// log costs one database commit per batch rather than one per read. A full queue makes accesses wait; a failed write
/// is retried and nothing is dropped; stopping the host writes what is queued first.
/// </summary>
public sealed partial class AuditWriter(IAuditLog log, IOptions<AuditOptions> options, ILogger<AuditWriter> logger) : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(Math.Max(1, options.Value.Capacity)) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    private readonly CancellationTokenSource _abandon = new();
    private readonly Lock _gate = new();
    private Task? _loop;

    /// <summary>True when every access waits for its entry to be durable.</summary>
    public bool WaitsForDurable => options.Value.WaitForDurable;

    /// <summary>
    /// Queues <paramref name="entries"/> (validated first: a bad entry throws here, and nothing of it is queued);
    /// with <see cref="AuditOptions.WaitForDurable"/>, returns once they are durable.
    /// </summary>
    public async ValueTask WriteAsync(IReadOnlyList<AuditEntry> entries)
    {
        AuditEntry.ValidateAll(entries);
        if (entries.Count == 0)
        {
            return;
        }

        var durable = WaitsForDurable ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null;
        await EnqueueAsync(new Pending(entries, durable));
        if (durable is not null)
        {
            await durable.Task;
        }
    }

    /// <summary>Returns once every entry queued before the call is durable: what a reader of the log waits for first.</summary>
    public async Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await EnqueueAsync(new Pending([], done));
        await done.Task;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        EnsureRunning();
        return Task.CompletedTask;
    }

    /// <summary>Writes what is queued, then stops; when the host gives up waiting, what is left is abandoned and said so.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (_loop is not { } loop)
        {
            return;
        }

        try
        {
            await loop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _abandon.CancelAsync();
            LogAbandoned(logger, _queue.Reader.Count);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _abandon.Dispose();
    }

    private async ValueTask EnqueueAsync(Pending pending)
    {
        EnsureRunning();
        if (!_queue.Writer.TryWrite(pending))
        {
            await _queue.Writer.WriteAsync(pending);
        }
    }

    private void EnsureRunning()
    {
        if (_loop is not null)
        {
            return;
        }

        lock (_gate)
        {
            _loop ??= Task.Run(WriteLoopAsync);
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>();
        var entries = new List<AuditEntry>();
        var max = Math.Max(1, options.Value.MaxBatch);
        var linger = WaitsForDurable ? TimeSpan.Zero : options.Value.Linger;
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            if (linger > TimeSpan.Zero && _queue.Reader.Count < max && !_queue.Reader.Completion.IsCompleted)
            {
                await Task.Delay(linger, CancellationToken.None);
            }

            batch.Clear();
            entries.Clear();
            while (entries.Count < max && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                entries.AddRange(pending.Entries);
            }

            var written = await AppendUntilWrittenAsync(entries);
            foreach (var pending in batch)
            {
                if (written)
                {
                    pending.Durable?.TrySetResult();
                }
                else
                {
                    pending.Durable?.TrySetException(new InvalidOperationException("The host stopped before the audit entries were written."));
                }
            }
        }
    }

    /// <summary>Appends until it succeeds (true), or until the host abandons what is left (false).</summary>
    private async Task<bool> AppendUntilWrittenAsync(List<AuditEntry> entries)
    {
        var delay = TimeSpan.FromMilliseconds(50);
        for (var attempt = 1; entries.Count > 0; attempt++)
        {
            try
            {
                await log.AppendAsync(entries, _abandon.Token);
                return true;
            }
            catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception ex)
            {
                // The entries stay queued here and are tried again: an access is never left unrecorded on purpose.
                LogRetry(logger, entries.Count, attempt, ex.GetType().Name);
                try
                {
                    await Task.Delay(delay, _abandon.Token);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} audit entries failed (attempt {Attempt}, {Error}); retrying")]
    private static partial void LogRetry(ILogger logger, int count, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The host stopped before {Count} queued audit entries were written")]
    private static partial void LogAbandoned(ILogger logger, int count);

    private sealed record Pending(IReadOnlyList<AuditEntry> Entries, TaskCompletionSource? Durable);
}
