namespace SocialPrescribing.Abstractions.Notifications;

/// <summary>
/// A way of telling people that something needs their attention, for example a safety alert for a tenant's
/// supervisors. The host ships a channel that writes to its notification log; e-mail, SMS or paging channels
/// arrive as plugins.
/// </summary>
/// <remarks>
/// A notification carries identifiers and codes, never the person's name or answers: a channel may cross
/// systems that must not hold personal health information. Recipients open the journey in the framework.
/// </remarks>
public interface INotificationChannel
{
    /// <summary>The stable id recorded on the journey when the channel delivered a notification, for example <c>notification-log</c>.</summary>
    string Id { get; }

    /// <summary>Delivers the notification to every recipient it names.</summary>
    /// <exception cref="Exception">Delivery failed; the host tries the notification again later.</exception>
    Task SendAsync(SafetyAlertNotification notification, CancellationToken cancellationToken);
}
