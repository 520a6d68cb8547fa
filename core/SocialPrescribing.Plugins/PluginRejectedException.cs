namespace SocialPrescribing.Plugins;

/// <summary>Ends the loading of one plugin with the status and reason it is listed with.</summary>
internal sealed class PluginRejectedException : Exception
{
    public PluginRejectedException()
    {
    }

    public PluginRejectedException(string message)
        : base(message)
    {
    }

    public PluginRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PluginRejectedException(PluginStatus status, string reason)
        : base(reason) => Status = status;

    public PluginStatus Status { get; } = PluginStatus.Quarantined;
}
