namespace SocialPrescribing.Plugins.Tests.Support;

/// <summary>
/// Hosts that run Hangfire jobs never overlap: Hangfire keeps process-wide state, so two hosts at once could take
/// each other's jobs.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PluginHostCollection
{
    public const string Name = "plugin-host";
}
