using System.Diagnostics;
using SocialPrescribing.Abstractions.Training;
using SocialPrescribing.Abstractions.Transport;
using SocialPrescribing.Plugins.Tests.Support;

namespace SocialPrescribing.Plugins.Tests;

/// <summary>Every call into a plugin is bounded: timeouts, contained exceptions, invalid results, a circuit per plugin and tenant.</summary>
public sealed class PluginInvokerTests : IDisposable
{
    private readonly PluginFolder _folder = new PluginFolder().Add(PluginFolder.GoodRides);
    private readonly CatalogHarness _harness;

    public PluginInvokerTests() => _harness = new CatalogHarness(_folder, GoodRidesConfig.EnabledFor("ab", "on"));

    private PluginComponent<ITransportPartner> Ab => _harness.Catalog.Find<ITransportPartner>(TestTenants.Ab, "good-rides")!;

    private PluginComponent<ITransportPartner> On => _harness.Catalog.Find<ITransportPartner>(TestTenants.On, "good-rides")!;

    private Task<TripQuote> QuoteAsync(PluginComponent<ITransportPartner> partner, string passenger, Func<TripQuote, string?>? validate = null) =>
        _harness.Invoker.InvokeAsync(partner, "quote", (p, ct) => p.QuoteAsync(Trips.For(passenger), ct), validate, TestContext.Current.CancellationToken);

    public void Dispose()
    {
        _harness.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_call_returns_the_plugins_answer_and_is_counted()
    {
        var booking = await _harness.Invoker.InvokeAsync(
            Ab,
            "book",
            (p, ct) => p.BookAsync(new TripBookingRequest { IdempotencyKey = "k-1", Trip = Trips.For("Marie") }, ct),
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(("GR-k-1", TripStatus.Confirmed), (booking.PartnerReference, booking.Status));
        var health = _harness.Invoker.Health("good-rides", TestTenants.Ab);
        Assert.Equal((1L, 0L, "closed"), (health.Calls, health.Failures, health.Circuit));
    }

    [Fact]
    public async Task Reading_a_component_goes_through_the_invoker_too()
    {
        var module = Assert.Single(_harness.Catalog.ComponentsFor<ITrainingModule>(TestTenants.Ab));

        var check = await _harness.Invoker.InvokeAsync(
            module, "knowledge-check", m => m.KnowledgeCheck, c => c.Problems() is [var first, ..] ? first : null, TestContext.Current.CancellationToken);
        var result = check.Score(new KnowledgeCheckAttempt(new Dictionary<string, IReadOnlyList<string>> { ["q1"] = ["b"] }));

        Assert.True(result.Passed);
    }

    [Fact]
    public async Task A_call_that_hangs_ignoring_its_token_times_out_on_time()
    {
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<PluginCallException>(() =>
            QuoteAsync(Ab, "hang"));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"The call took {clock.Elapsed}.");
        Assert.Equal(PluginCallFailure.Timeout, error.Reason);
        Assert.Equal(("good-rides", TestTenants.Ab, "quote"), (error.PluginId, error.Tenant, error.Operation));
        Assert.Equal("Plugin 'good-rides' failed 'quote' for tenant 'ab' (timeout): it did not answer within 00:00:00.5000000", error.Message);
    }

    [Fact]
    public async Task A_call_that_blocks_its_thread_times_out_without_blocking_the_caller()
    {
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<PluginCallException>(() =>
            QuoteAsync(Ab, "block"));

        // The plugin blocks for 3 s; the caller is answered at the 0.5 s timeout.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.5), $"The call took {clock.Elapsed}.");
        Assert.Equal(PluginCallFailure.Timeout, error.Reason);
    }

    [Fact]
    public async Task A_call_that_throws_is_contained_and_leaves_no_personal_information_in_logs_or_errors()
    {
        var error = await Assert.ThrowsAsync<PluginCallException>(() =>
            QuoteAsync(Ab, "throw"));

        Assert.Equal(PluginCallFailure.Faulted, error.Reason);
        Assert.Equal("System.InvalidOperationException", error.FaultType);
        Assert.Null(error.InnerException);
        Assert.Equal("Plugin 'good-rides' failed 'quote' for tenant 'ab' (faulted): it threw InvalidOperationException", error.Message);
        var logs = _harness.Logs.AllText;
        Assert.Contains("Plugin good-rides threw System.InvalidOperationException", logs, StringComparison.Ordinal);
        foreach (var personal in new[] { "Tremblay", "1948", "PHQ", "403-555" })
        {
            Assert.DoesNotContain(personal, logs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_null_answer_or_one_the_caller_rejects_is_an_invalid_result()
    {
        var nothing = await Assert.ThrowsAsync<PluginCallException>(() =>
            QuoteAsync(Ab, "null"));
        var rejected = await Assert.ThrowsAsync<PluginCallException>(() =>
            QuoteAsync(Ab, "Marie", quote => quote.Fare!.Amount > 5 ? "the fare is over the program's limit" : null));

        Assert.Equal((PluginCallFailure.InvalidResult, PluginCallFailure.InvalidResult), (nothing.Reason, rejected.Reason));
        Assert.EndsWith("(invalid-result): it returned nothing", nothing.Message, StringComparison.Ordinal);
        Assert.EndsWith("(invalid-result): the fare is over the program's limit", rejected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_failures_open_the_circuit_which_refuses_calls_then_closes_after_the_break()
    {
        for (var i = 0; i < 4; i++)
        {
            var failure = await Assert.ThrowsAsync<PluginCallException>(() =>
                QuoteAsync(Ab, "throw"));
            Assert.Equal(PluginCallFailure.Faulted, failure.Reason);
        }

        var refused = await Assert.ThrowsAsync<PluginCallException>(() =>
            QuoteAsync(Ab, "Marie"));

        Assert.Equal(PluginCallFailure.CircuitOpen, refused.Reason);
        var open = _harness.Invoker.Health("good-rides", TestTenants.Ab);
        Assert.Equal((5L, 5L, "open", PluginCallFailure.CircuitOpen), (open.Calls, open.Failures, open.Circuit, open.LastFailure));
        Assert.Contains(_harness.Logs.Entries, e => e.Text.StartsWith("Circuit of plugin good-rides for tenant ab opened", StringComparison.Ordinal));

        // Another tenant's circuit is its own.
        var other = await QuoteAsync(On, "Marie");
        Assert.True(other.Available);

        await Task.Delay(TimeSpan.FromMilliseconds(700), TestContext.Current.CancellationToken);
        var again = await QuoteAsync(Ab, "Marie");
        Assert.True(again.Available);
        Assert.Equal("closed", _harness.Invoker.Health("good-rides", TestTenants.Ab).Circuit);
    }

    [Fact]
    public async Task A_plugin_hanging_in_one_tenant_does_not_slow_another()
    {
        var hanging = Enumerable.Range(0, 20)
            .Select(_ => QuoteAsync(Ab, "block"))
            .ToList();

        var clock = Stopwatch.StartNew();
        var quote = await QuoteAsync(On, "slow");
        var elapsed = clock.Elapsed;

        Assert.True(quote.Available);
        // Each blocked call holds its thread for 3 s; a starved or shared path would make this call wait for them.
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"The other tenant's call took {elapsed}.");
        foreach (var call in hanging)
        {
            var error = await Assert.ThrowsAsync<PluginCallException>(() => call);
            Assert.True(error.Reason is PluginCallFailure.Timeout or PluginCallFailure.CircuitOpen or PluginCallFailure.Saturated, error.Message);
        }
    }

    [Fact]
    public async Task Calls_still_running_after_their_timeout_keep_their_slots_and_further_calls_are_refused_until_they_return()
    {
        using var harness = new CatalogHarness(_folder, new Dictionary<string, string?>(GoodRidesConfig.EnabledFor("ab", "on"))
        {
            ["Plugins:MaxConcurrentCalls"] = "2",
            ["Plugins:BreakerMinimumThroughput"] = "100",
        });
        var ab = harness.Catalog.Find<ITransportPartner>(TestTenants.Ab, "good-rides")!;
        var on = harness.Catalog.Find<ITransportPartner>(TestTenants.On, "good-rides")!;
        Task<TripQuote> Quote(PluginComponent<ITransportPartner> partner, string passenger) =>
            harness.Invoker.InvokeAsync(partner, "quote", (p, ct) => p.QuoteAsync(Trips.For(passenger), ct), cancellationToken: TestContext.Current.CancellationToken);

        // Each blocks its thread for 3 s; the callers are answered at the 0.5 s timeout, the threads stay held.
        foreach (var blocked in new[] { Quote(ab, "block"), Quote(ab, "block") })
        {
            Assert.Equal(PluginCallFailure.Timeout, (await Assert.ThrowsAsync<PluginCallException>(() => blocked)).Reason);
        }

        var clock = Stopwatch.StartNew();
        var refused = await Assert.ThrowsAsync<PluginCallException>(() => Quote(ab, "Marie"));

        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(300), $"The refusal took {clock.Elapsed}.");
        Assert.Equal(PluginCallFailure.Saturated, refused.Reason);
        Assert.EndsWith("(saturated): 2 calls into it are still running", refused.Message, StringComparison.Ordinal);
        var saturated = harness.Invoker.Health("good-rides", TestTenants.Ab);
        Assert.Equal((2, 3L, PluginCallFailure.Saturated, "closed"), (saturated.Running, saturated.Failures, saturated.LastFailure, saturated.Circuit));
        Assert.True((await Quote(on, "Marie")).Available, "Another tenant's slots are its own.");

        // Once the blocked code returns, its slots are free again.
        var wait = Stopwatch.StartNew();
        while (harness.Invoker.Health("good-rides", TestTenants.Ab).Running > 0 && wait.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True((await Quote(ab, "Marie")).Available);
        Assert.Equal(0, harness.Invoker.Health("good-rides", TestTenants.Ab).Running);
    }

    [Fact]
    public async Task A_call_refused_by_an_open_circuit_holds_no_slot()
    {
        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<PluginCallException>(() => QuoteAsync(Ab, "throw"));
        }

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(PluginCallFailure.CircuitOpen, (await Assert.ThrowsAsync<PluginCallException>(() => QuoteAsync(Ab, "Marie"))).Reason);
        }

        Assert.Equal(0, _harness.Invoker.Health("good-rides", TestTenants.Ab).Running);
    }

    [Fact]
    public async Task The_caller_giving_up_is_not_a_plugin_failure()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _harness.Invoker.InvokeAsync(Ab, "quote", (p, ct) => p.QuoteAsync(Trips.For("hang"), ct), cancellationToken: cancel.Token));

        Assert.Equal(0L, _harness.Invoker.Health("good-rides", TestTenants.Ab).Failures);
    }

    [Fact]
    public void A_plugin_never_called_is_healthy()
    {
        var health = _harness.Invoker.Health("good-rides", TestTenants.On);

        Assert.Equal((0L, 0L, "closed", (PluginCallFailure?)null), (health.Calls, health.Failures, health.Circuit, health.LastFailure));
    }
}
