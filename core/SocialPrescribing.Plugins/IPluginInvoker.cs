using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Plugins;

/// <summary>
/// Calls into plugin components, each call bounded: it runs off the caller's thread, under
/// <see cref="PluginOptions.CallTimeout"/>, behind a circuit breaker kept per plugin and tenant, so a plugin that
/// hangs or fails in one tenant neither blocks the caller nor slows other tenants. Every failure is logged
/// without personal information and counted in <see cref="Health"/>.
/// </summary>
public interface IPluginInvoker
{
    /// <summary>Calls an asynchronous operation of a component.</summary>
    /// <typeparam name="TComponent">The kind's contract.</typeparam>
    /// <typeparam name="TResult">What the operation returns.</typeparam>
    /// <param name="component">The component, from <see cref="IPluginCatalog.ComponentsFor{T}"/>.</param>
    /// <param name="operation">A short constant name for logs and errors, like <c>quote</c>; never personal data.</param>
    /// <param name="invocation">The call; pass the token on, it is cancelled at the timeout.</param>
    /// <param name="validate">Checks the result: returns what is wrong with it, or null when it is usable.</param>
    /// <param name="cancellationToken">Cancels the call for the caller; an <see cref="OperationCanceledException"/> then propagates.</param>
    /// <returns>The result, not null and accepted by <paramref name="validate"/>.</returns>
    /// <exception cref="PluginCallException">The call timed out, was refused by the open circuit, threw, or returned an invalid result.</exception>
    Task<TResult> InvokeAsync<TComponent, TResult>(
        PluginComponent<TComponent> component,
        string operation,
        Func<TComponent, CancellationToken, Task<TResult>> invocation,
        Func<TResult, string?>? validate = null,
        CancellationToken cancellationToken = default)
        where TComponent : class;

    /// <summary>Reads from a component (a property or a synchronous method), with the same bounds as an asynchronous call.</summary>
    /// <inheritdoc cref="InvokeAsync{TComponent, TResult}(PluginComponent{TComponent}, string, Func{TComponent, CancellationToken, Task{TResult}}, Func{TResult, string?}?, CancellationToken)" />
    Task<TResult> InvokeAsync<TComponent, TResult>(
        PluginComponent<TComponent> component,
        string operation,
        Func<TComponent, TResult> invocation,
        Func<TResult, string?>? validate = null,
        CancellationToken cancellationToken = default)
        where TComponent : class;

    /// <summary>How calls into <paramref name="pluginId"/> for <paramref name="tenant"/> have gone since start-up.</summary>
    PluginCallHealth Health(string pluginId, TenantId tenant);
}
