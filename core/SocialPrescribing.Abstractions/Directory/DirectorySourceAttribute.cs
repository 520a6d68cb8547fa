using SocialPrescribing.Abstractions.Plugins;

namespace SocialPrescribing.Abstractions.Directory;

/// <summary>Marks a class as an <see cref="IDirectorySource"/> and gives its catalogue id.</summary>
/// <param name="id">The source's id, for example <c>hsds-api-feed</c>; names the feed's runs and its recurring job.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class DirectorySourceAttribute(string id) : PluginComponentAttribute(id)
{
    /// <summary>The source's name as shown to admins; the id when not set.</summary>
    public string? DisplayName { get; init; }

    /// <inheritdoc />
    public override string Kind => PluginKinds.DirectorySource;
}
