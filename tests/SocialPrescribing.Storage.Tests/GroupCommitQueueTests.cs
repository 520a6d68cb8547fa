namespace SocialPrescribing.Storage.Tests;

/// <summary>
/// The single-writer group commit both engines' audit logs and SQLite's journeys go through: what arrives while a batch
/// is written goes into the next one together, a caller that gives up before its write is taken is left out, and a
/// writer's failure reaches exactly the callers of its batch.
/// </summary>
public sealed class GroupCommitQueueTests
{
    private readonly List<int[]> _batches = [];
    private readonly TaskCompletionSource _firstBatchMayFinish = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writes_queued_while_a_batch_is_written_share_the_next_batch()
    {
        var queue = Queue(maxBatch: 100);
        var first = queue.AppendAsync(0, Token);
        var queued = Enumerable.Range(1, 20).Select(i => queue.AppendAsync(i, Token)).ToList();
        Assert.All(queued, t => Assert.False(t.IsCompleted));

        _firstBatchMayFinish.SetResult();
        await first;
        await Task.WhenAll(queued);

        Assert.Equal([[0], [.. Enumerable.Range(1, 20)]], Batches());
    }

    [Fact]
    public async Task A_batch_closes_once_it_reaches_its_size_and_a_larger_write_goes_alone()
    {
        var queue = Queue(maxBatch: 10, size: item => item);
        var first = queue.AppendAsync(1, Token);
        var queued = new[] { 4, 4, 4, 12, 3 }.Select(size => queue.AppendAsync(size, Token)).ToList();

        _firstBatchMayFinish.SetResult();
        await first;
        await Task.WhenAll(queued);

        // A batch closes once it has reached the limit: 4 + 4 + 4, then the large one alone reaches it, then the rest.
        Assert.Equal([[1], [4, 4, 4], [12], [3]], Batches());
    }

    [Fact]
    public async Task A_caller_that_gives_up_before_its_write_is_taken_is_left_out()
    {
        var queue = Queue(maxBatch: 100);
        var first = queue.AppendAsync(0, Token);
        using var giveUp = new CancellationTokenSource();
        var abandoned = queue.AppendAsync(1, giveUp.Token);
        var kept = queue.AppendAsync(2, Token);

        await giveUp.CancelAsync();
        _firstBatchMayFinish.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        await first;
        await kept;
        Assert.Equal([[0], [2]], Batches());
    }

    [Fact]
    public async Task Giving_up_after_the_write_was_taken_still_gives_the_write_s_real_outcome()
    {
        var queue = Queue(maxBatch: 100);
        using var giveUp = new CancellationTokenSource();
        var first = queue.AppendAsync(0, giveUp.Token);

        await giveUp.CancelAsync();
        _firstBatchMayFinish.SetResult();

        await first;
        Assert.Equal([[0]], Batches());
    }

    [Fact]
    public async Task A_failing_writer_fails_the_callers_of_its_batch_and_the_next_batch_is_written()
    {
        var broken = new InvalidOperationException("disk gone");
        var calls = 0;
        var queue = new GroupCommitQueue<int>(
            async batch =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    await _firstBatchMayFinish.Task;
                    batch[0].Commit();
                    return;
                }

                if (batch.Any(p => p.Item == 2))
                {
                    // One write of the batch told before the failure keeps its outcome.
                    batch[0].Commit();
                    throw broken;
                }

                Record(batch);
                batch[0].Commit();
            },
            _ => 1,
            maxBatch: 2,
            queueLimit: 100,
            "closed");
        var first = queue.AppendAsync(0, Token);
        var toldFirst = queue.AppendAsync(1, Token);
        var failed = queue.AppendAsync(2, Token);
        var after = queue.AppendAsync(3, Token);

        _firstBatchMayFinish.SetResult();

        await first;
        await toldFirst;
        Assert.Same(broken, await Assert.ThrowsAsync<InvalidOperationException>(() => failed));
        await after;
        Assert.Equal([[3]], Batches());
    }

    [Fact]
    public async Task Closing_writes_what_is_queued_and_refuses_what_comes_after()
    {
        var queue = Queue(maxBatch: 100);
        var first = queue.AppendAsync(0, Token);
        var queued = queue.AppendAsync(1, Token);

        var closing = queue.CloseAsync();
        Assert.False(closing.IsCompleted);
        _firstBatchMayFinish.SetResult();
        await closing;

        Assert.Equal([[0], [1]], Batches());
        await first;
        await queued;
        var refused = await Assert.ThrowsAsync<StorageUnavailableException>(() => queue.AppendAsync(2, Token));
        Assert.Equal("closed", refused.Message);
    }

    /// <summary>A queue whose first batch waits for <see cref="_firstBatchMayFinish"/>; every batch is recorded and committed.</summary>
    private GroupCommitQueue<int> Queue(int maxBatch, Func<int, int>? size = null) => new(
        async batch =>
        {
            Record(batch);
            if (_batches.Count == 1)
            {
                await _firstBatchMayFinish.Task;
            }

            foreach (var pending in batch)
            {
                pending.Commit();
            }
        },
        size ?? (_ => 1),
        maxBatch,
        queueLimit: 100,
        "closed");

    private void Record(IReadOnlyList<PendingWrite<int>> batch)
    {
        lock (_batches)
        {
            _batches.Add([.. batch.Select(p => p.Item)]);
        }
    }

    private int[][] Batches()
    {
        lock (_batches)
        {
            return [.. _batches];
        }
    }
}
