using Microsoft.Extensions.Logging;
using SocialPrescribing.Abstractions.Notifications;

namespace SocialPrescribing.Jobs;

/// <summary>
/// The channel every host has: it writes the notification to the notification log (the
/// <c>SocialPrescribing.Notifications</c> log category), with ids and codes only. Supervisors see open alerts on
/// the caseload and the safety-alert listing; real delivery (e-mail, SMS, paging) comes from channel plugins.
/// </summary>
public sealed partial class NotificationLogChannel(ILoggerFactory loggers) : INotificationChannel
{
    private readonly ILogger _log = loggers.CreateLogger("SocialPrescribing.Notifications");

    public string Id => "notification-log";

    public Task SendAsync(SafetyAlertNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        LogAlert(notification.Tenant.Value, notification.AlertId, notification.JourneyId, string.Join(",", notification.Recipients.Select(r => r.Id)));
        return Task.CompletedTask;
    }

    public Task SendAsync(EmergencyAccessNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        LogEmergencyAccess(notification.Tenant.Value, notification.GrantId, notification.JourneyId, notification.OpenedBy, notification.ExpiresAt, string.Join(",", notification.Recipients.Select(r => r.Id)));
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Emergency access {GrantId} to journey {JourneyId} (tenant {Tenant}) opened by {OpenedBy} until {ExpiresAt:o}; notified: {Recipients}")]
    private partial void LogEmergencyAccess(string tenant, Guid grantId, Guid journeyId, string openedBy, DateTimeOffset expiresAt, string recipients);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Safety alert {AlertId} on journey {JourneyId} (tenant {Tenant}) needs a supervisor's acknowledgement; notified: {Recipients}")]
    private partial void LogAlert(string tenant, Guid alertId, Guid journeyId, string recipients);
}
