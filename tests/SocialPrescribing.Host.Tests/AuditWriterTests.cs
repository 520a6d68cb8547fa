using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Application.Audit;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// The audit writer between accesses and the log: order kept, batches formed, failures retried without losing an
/// entry, a full queue holding accesses back, and stopping writes what is queued.
/// </summary>
public sealed class AuditWriterTests
{
    private static readonly TenantId Tenant = TenantId.Parse("ab");

    private static AuditEntry Entry(int n) =>
        new(Tenant, DateTimeOffset.UnixEpoch.AddSeconds(n), "user-" + n, null, null, Guid.CreateVersion7(), "journey", "read", AuditEntry.Allowed);

    private static AuditWriter Writer(RecordingLog log, AuditOptions? options = null) =>
        new(log, Options.Create(options ?? new AuditOptions()), NullLogger<AuditWriter>.Instance);

    [Fact]
    public async Task Entries_reach_the_log_in_the_order_recorded_and_a_flush_waits_for_them()
    {
        // The first append is held, so the other entries queue up behind it as they would under load.
        var log = new RecordingLog { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var writer = Writer(log);
        for (var n = 0; n < 500; n++)
        {
            await writer.WriteAsync([Entry(n)]);
        }

        var flushed = writer.FlushAsync();
        Assert.False(flushed.IsCompleted);
        log.Gate.SetResult();
        await flushed.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(0, 500).Select(n => "user-" + n), log.Written.Select(e => e.Actor));
        // Batched: as few appends as the batch size allows (the first, held, may have taken fewer entries).
        var fewest = (500 + new AuditOptions().MaxBatch - 1) / new AuditOptions().MaxBatch;
        Assert.InRange(log.Appends, fewest, fewest + 2);
    }

    [Fact]
    public async Task A_failing_log_is_retried_until_it_takes_the_entries_and_none_is_lost()
    {
        var log = new RecordingLog { FailuresLeft = 3 };
        await using var writer = Writer(log);
        await writer.WriteAsync([Entry(1), Entry(2)]);
        await writer.WriteAsync([Entry(3)]);

        await writer.FlushAsync().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(["user-1", "user-2", "user-3"], log.Written.Select(e => e.Actor));
        Assert.Equal(0, log.FailuresLeft);
    }

    [Fact]
    public async Task Waiting_for_durable_returns_only_once_the_log_has_the_entry()
    {
        var log = new RecordingLog { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var writer = Writer(log, new AuditOptions { WaitForDurable = true });

        var write = writer.WriteAsync([Entry(1)]).AsTask();
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.False(write.IsCompleted);

        log.Gate.SetResult();
        await write.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(["user-1"], log.Written.Select(e => e.Actor));
    }

    [Fact]
    public async Task A_full_queue_holds_accesses_back_instead_of_dropping_entries()
    {
        var log = new RecordingLog { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var writer = Writer(log, new AuditOptions { Capacity = 2, MaxBatch = 1 });

        // The first entry is taken by the writer (stuck on the gate), two more fill the queue; the fourth waits.
        await writer.WriteAsync([Entry(1)]);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        await writer.WriteAsync([Entry(2)]);
        await writer.WriteAsync([Entry(3)]);
        var fourth = writer.WriteAsync([Entry(4)]).AsTask();
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.False(fourth.IsCompleted);

        log.Gate.SetResult();
        await fourth.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await writer.FlushAsync();
        Assert.Equal(["user-1", "user-2", "user-3", "user-4"], log.Written.Select(e => e.Actor));
    }

    [Fact]
    public async Task Stopping_writes_what_is_queued_and_a_bad_entry_is_refused_at_the_door()
    {
        var log = new RecordingLog();
        var writer = Writer(log);
        await writer.StartAsync(TestContext.Current.CancellationToken);
        for (var n = 0; n < 100; n++)
        {
            await writer.WriteAsync([Entry(n)]);
        }

        await Assert.ThrowsAsync<ArgumentException>(async () => await writer.WriteAsync([Entry(1) with { Category = "Not Kebab" }]));
        await writer.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(100, log.Written.Count);
        await writer.DisposeAsync();
    }

    /// <summary>A log that keeps entries in memory, can fail a number of times first, and can hold appends at a gate.</summary>
    private sealed class RecordingLog : IAuditLog
    {
        private readonly Lock _gate = new();

        public List<AuditEntry> Written { get; } = [];

        public int Appends { get; private set; }

        public int FailuresLeft { get; set; }

        public TaskCompletionSource? Gate { get; init; }

        public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
        {
            if (Gate is { } gate)
            {
                await gate.Task;
            }

            lock (_gate)
            {
                if (FailuresLeft > 0)
                {
                    FailuresLeft--;
                    throw new TimeoutException("the database is away");
                }

                Written.AddRange(entries);
                Appends++;
            }
        }

        public Task<AuditPage> QueryAsync(TenantId tenant, AuditQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<AuditVerification> VerifyAsync(TenantId tenant, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<AuditPurge> PurgeAsync(TenantId tenant, DateTimeOffset before, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<TenantId>> ListAuditedTenantsAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
