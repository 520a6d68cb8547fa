using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Diagnostics.ExceptionSummarization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Plugins;

/// <summary>
/// <see cref="IPluginInvoker"/> on a Polly pipeline per plugin and tenant: a circuit breaker around a timeout, behind
/// a limit on the calls running at once (<see cref="PluginOptions.MaxConcurrentCalls"/>).
/// The call starts on a thread of its own and is abandoned, not awaited, when the timeout fires, so a plugin that
/// ignores its cancellation token or blocks its thread still returns control to the caller on time, and does not
/// starve the thread pool other tenants' requests run on.
/// </summary>
/// <remarks>
/// Timeouts run on the wall clock (<see cref="TimeProvider.System"/>), not on the host's business clock: they
/// bound real I/O. Failures are logged with the exception's type and a summary that carries no message text,
/// since a plugin's message may quote personal information.
/// </remarks>
internal sealed partial class PluginInvoker(IOptions<PluginOptions> options, ILogger<PluginInvoker> logger, IExceptionSummarizer summarizer)
    : IPluginInvoker
{
    private readonly PluginOptions _options = options.Value;
    private readonly ConcurrentDictionary<(string PluginId, TenantId Tenant), Lazy<CallState>> _states = new();

    public Task<TResult> InvokeAsync<TComponent, TResult>(
        PluginComponent<TComponent> component,
        string operation,
        Func<TComponent, TResult> invocation,
        Func<TResult, string?>? validate = null,
        CancellationToken cancellationToken = default)
        where TComponent : class
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return InvokeAsync(component, operation, (instance, _) => Task.FromResult(invocation(instance)), validate, cancellationToken);
    }

    public async Task<TResult> InvokeAsync<TComponent, TResult>(
        PluginComponent<TComponent> component,
        string operation,
        Func<TComponent, CancellationToken, Task<TResult>> invocation,
        Func<TResult, string?>? validate = null,
        CancellationToken cancellationToken = default)
        where TComponent : class
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        ArgumentNullException.ThrowIfNull(invocation);
        using var activity = PluginTelemetry.Start(component.PluginId, operation, component.Tenant.Value);
        var outcome = "ok";
        try
        {
            return await CallAsync(component, operation, invocation, validate, cancellationToken);
        }
        catch (PluginCallException failed)
        {
            outcome = PluginStatusNames.Of(failed.Reason);
            throw;
        }
        catch (OperationCanceledException)
        {
            outcome = "cancelled";
            throw;
        }
        finally
        {
            PluginTelemetry.End(activity, component.PluginId, operation, outcome);
        }
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Containing whatever a plugin throws is the point.")]
    private async Task<TResult> CallAsync<TComponent, TResult>(
        PluginComponent<TComponent> component,
        string operation,
        Func<TComponent, CancellationToken, Task<TResult>> invocation,
        Func<TResult, string?>? validate,
        CancellationToken cancellationToken)
        where TComponent : class
    {
        var state = StateFor(component.PluginId, component.Tenant);
        Interlocked.Increment(ref state.Calls);
        if (!state.TryEnter(_options.MaxConcurrentCalls))
        {
            throw Failed(state, component, operation, PluginCallFailure.Saturated,
                $"{_options.MaxConcurrentCalls} calls into it are still running");
        }

        // The slot is given back when the plugin's code returns, or here when the circuit refused the call.
        var started = false;
        try
        {
            return await state.Pipeline.ExecuteAsync(
                async token =>
                {
                    // Started on a thread of its own, not the caller's nor a pool thread: a plugin that blocks
                    // synchronously then blocks only that thread, and neither the caller nor the thread pool
                    // that serves every other tenant waits for it.
                    var running = Task.Factory.StartNew(
                        () => invocation(component.Instance, token),
                        CancellationToken.None,
                        TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach,
                        TaskScheduler.Default).Unwrap();
                    _ = running.ContinueWith(
                        static (t, slot) =>
                        {
                            ((CallState)slot!).Exit();
                            _ = t.Exception;
                        },
                        state,
                        CancellationToken.None,
                        TaskContinuationOptions.ExecuteSynchronously,
                        TaskScheduler.Default);

                    // From here the continuation gives the slot back; before (a thread that could not be started),
                    // the finally below does.
                    started = true;
                    var result = await running.WaitAsync(token);
                    var problem = result is null ? "it returned nothing" : validate?.Invoke(result);
                    return problem is null ? result : throw new InvalidPluginResultException(problem);
                },
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (BrokenCircuitException)
        {
            throw Failed(state, component, operation, PluginCallFailure.CircuitOpen,
                $"it failed too often lately, so calls are refused for up to {_options.BreakerBreakDuration}");
        }
        catch (TimeoutRejectedException)
        {
            throw Failed(state, component, operation, PluginCallFailure.Timeout, $"it did not answer within {_options.CallTimeout}");
        }
        catch (InvalidPluginResultException e)
        {
            throw Failed(state, component, operation, PluginCallFailure.InvalidResult, e.Message);
        }
        catch (Exception e)
        {
            var summary = summarizer.Summarize(e);
            LogFault(logger, component.PluginId, component.Tenant.Value, operation, e.GetType().FullName ?? e.GetType().Name, summary.Description);
            throw Failed(state, component, operation, PluginCallFailure.Faulted, $"it threw {e.GetType().Name}", e.GetType().FullName);
        }
        finally
        {
            if (!started)
            {
                state.Exit();
            }
        }
    }

    public PluginCallHealth Health(string pluginId, TenantId tenant)
    {
        if (!_states.TryGetValue((pluginId, tenant), out var lazy) || !lazy.IsValueCreated)
        {
            return new PluginCallHealth { Calls = 0, Failures = 0, Circuit = "closed" };
        }

        var state = lazy.Value;
        lock (state)
        {
            return new PluginCallHealth
            {
                Calls = Interlocked.Read(ref state.Calls),
                Failures = Interlocked.Read(ref state.Failures),
                Running = Volatile.Read(ref state.Running),
                Circuit = state.Circuit.CircuitState switch
                {
                    CircuitState.Open => "open",
                    CircuitState.HalfOpen => "half-open",
                    CircuitState.Isolated => "isolated",
                    _ => "closed",
                },
                LastFailure = state.LastFailure,
                LastFailureAt = state.LastFailureAt,
            };
        }
    }

    private PluginCallException Failed<TComponent>(
        CallState state, PluginComponent<TComponent> component, string operation, PluginCallFailure failure, string detail, string? faultType = null)
        where TComponent : class
    {
        Interlocked.Increment(ref state.Failures);
        lock (state)
        {
            state.LastFailure = failure;
            state.LastFailureAt = TimeProvider.System.GetUtcNow();
        }

        LogCallFailed(logger, component.PluginId, component.Tenant.Value, operation, PluginStatusNames.Of(failure));
        return new PluginCallException(component.PluginId, component.Tenant, operation, failure, detail, faultType);
    }

    private CallState StateFor(string pluginId, TenantId tenant) =>
        _states.GetOrAdd((pluginId, tenant), key => new Lazy<CallState>(() => Create(key.PluginId, key.Tenant))).Value;

    private CallState Create(string pluginId, TenantId tenant)
    {
        var circuit = new CircuitBreakerStateProvider();
        var pipeline = new ResiliencePipelineBuilder { Name = $"plugin:{pluginId}:{tenant.Value}", TimeProvider = TimeProvider.System }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = _options.BreakerFailureRatio,
                MinimumThroughput = _options.BreakerMinimumThroughput,
                SamplingDuration = _options.BreakerSamplingDuration,
                BreakDuration = _options.BreakerBreakDuration,
                StateProvider = circuit,
                // Every failure of the plugin counts, timeouts included; a caller giving up does not.
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } e && !(e is OperationCanceledException && args.Context.CancellationToken.IsCancellationRequested)),
                OnOpened = args =>
                {
                    LogCircuitOpened(logger, pluginId, tenant.Value, args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    LogCircuitClosed(logger, pluginId, tenant.Value);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(_options.CallTimeout)
            .Build();
        return new CallState(pipeline, circuit);
    }

    private sealed class CallState(ResiliencePipeline pipeline, CircuitBreakerStateProvider circuit)
    {
        public long Calls;
        public long Failures;
        public int Running;

        public ResiliencePipeline Pipeline { get; } = pipeline;

        public CircuitBreakerStateProvider Circuit { get; } = circuit;

        public PluginCallFailure? LastFailure { get; set; }

        public DateTimeOffset? LastFailureAt { get; set; }

        /// <summary>Takes a running-call slot when fewer than <paramref name="limit"/> are taken.</summary>
        public bool TryEnter(int limit)
        {
            var running = Volatile.Read(ref Running);
            while (running < limit)
            {
                var seen = Interlocked.CompareExchange(ref Running, running + 1, running);
                if (seen == running)
                {
                    return true;
                }

                running = seen;
            }

            return false;
        }

        public void Exit() => Interlocked.Decrement(ref Running);
    }
}
