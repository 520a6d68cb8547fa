using SocialPrescribing.Abstractions.Plugins;

namespace SocialPrescribing.Abstractions.Notifications;

/// <summary>Marks a class as an <see cref="INotificationChannel"/> a plugin provides, and gives its catalogue id.</summary>
/// <param name="id">
/// The channel's id, for example <c>contoso-notify</c>; recorded on the journey when the channel delivered a
/// notification.
/// </param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class NotificationChannelAttribute(string id) : PluginComponentAttribute(id)
{
    /// <inheritdoc />
    public override string Kind => PluginKinds.NotificationChannel;
}
