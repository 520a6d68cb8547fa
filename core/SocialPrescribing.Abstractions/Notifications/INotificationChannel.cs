namespace SocialPrescribing.Abstractions.Notifications;

/// <summary>
/// A way of telling people that something needs their attention: a safety alert for a tenant's supervisors, an
/// emergency (break-glass) access for its privacy officers. The host ships a channel that writes to its notification log; e-mail, SMS, paging or chat channels
/// come from plugins (kind <c>notification-channel</c>), each tenant with the channels of the plugins it enables.
/// </summary>
/// <remarks>
/// <para>
/// A notification carries identifiers and codes, never the person's name or answers: a channel may cross
/// systems that must not hold personal health information. Recipients open the journey in the framework.
/// </para>
/// <para>
/// In a plugin, mark the class with <see cref="NotificationChannelAttribute"/> and register it as
/// <c>services.AddSingleton&lt;INotificationChannel, MyChannel&gt;()</c>; <see cref="Id"/> should return the
/// attribute's id, which is what the host records. The host creates one instance per tenant that enables the
/// plugin and calls <c>SendAsync</c> under a timeout and a circuit breaker, passing a token that is
/// cancelled when the call times out: pass it on to every I/O call. A notification that no channel delivered is
/// sent again later, so a channel may see the same alert more than once: <see cref="SafetyAlertNotification.AlertId"/>
/// identifies it.
/// </para>
/// </remarks>
public interface INotificationChannel
{
    /// <summary>The stable id recorded on the journey when the channel delivered a notification, for example <c>notification-log</c>.</summary>
    string Id { get; }

    /// <summary>Delivers the notification to every recipient it names.</summary>
    /// <exception cref="Exception">Delivery failed; the host tries the notification again later.</exception>
    Task SendAsync(SafetyAlertNotification notification, CancellationToken cancellationToken);

    /// <summary>
    /// Delivers an emergency-access report to every privacy officer it names. A channel written before these reports
    /// existed does not carry them (the default throws <see cref="NotSupportedException"/>, counted as not delivered
    /// by this channel); the host's notification log always carries them.
    /// </summary>
    /// <exception cref="Exception">Delivery failed; the host tries the notification again later.</exception>
    Task SendAsync(EmergencyAccessNotification notification, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"Channel '{Id}' does not carry emergency-access reports.");
}
