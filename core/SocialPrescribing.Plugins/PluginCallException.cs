using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Plugins;

/// <summary>
/// A call into a plugin gave no usable result: it timed out, its circuit is open, it threw, or it returned
/// garbage. The plugin's own exception is not attached, because its message may carry personal information;
/// <see cref="FaultType"/> names its type.
/// </summary>
public sealed class PluginCallException : Exception
{
    /// <summary>Creates the exception with a message only.</summary>
    public PluginCallException()
        : this("A call into a plugin failed.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public PluginCallException(string message)
        : base(message)
    {
        PluginId = string.Empty;
        Operation = string.Empty;
        Reason = PluginCallFailure.Faulted;
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public PluginCallException(string message, Exception innerException)
        : base(message, innerException)
    {
        PluginId = string.Empty;
        Operation = string.Empty;
        Reason = PluginCallFailure.Faulted;
    }

    /// <summary>Creates the exception for a failed call.</summary>
    /// <param name="pluginId">The plugin called.</param>
    /// <param name="tenant">The tenant the call was for.</param>
    /// <param name="operation">The operation, as the caller named it, for example <c>quote</c>.</param>
    /// <param name="reason">Why the call failed.</param>
    /// <param name="detail">What happened, in words free of personal information.</param>
    /// <param name="faultType">The full name of the plugin's exception type, when it threw.</param>
    public PluginCallException(string pluginId, TenantId tenant, string operation, PluginCallFailure reason, string detail, string? faultType = null)
        : base($"Plugin '{pluginId}' failed '{operation}' for tenant '{tenant}' ({PluginStatusNames.Of(reason)}): {detail}")
    {
        PluginId = pluginId;
        Tenant = tenant;
        Operation = operation;
        Reason = reason;
        FaultType = faultType;
    }

    /// <summary>The plugin called.</summary>
    public string PluginId { get; }

    /// <summary>The tenant the call was for.</summary>
    public TenantId Tenant { get; }

    /// <summary>The operation, as the caller named it.</summary>
    public string Operation { get; }

    /// <summary>Why the call failed.</summary>
    public PluginCallFailure Reason { get; }

    /// <summary>The full name of the exception type the plugin threw, when <see cref="Reason"/> is <see cref="PluginCallFailure.Faulted"/>.</summary>
    public string? FaultType { get; }
}
