using SocialPrescribing.Application.Audit;
using SocialPrescribing.Application.Access;
using Hangfire;
using Microsoft.Extensions.Logging;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Abstractions.Notifications;
using SocialPrescribing.Domain.Identity;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Application.Journeys;

namespace SocialPrescribing.Jobs;

/// <summary>
/// Tells a tenant's supervisors about a safety alert through every notification channel, then records on the
/// journey that it did. An alert already notified or acknowledged is left alone, so re-runs (Hangfire is
/// at-least-once, reconciliation re-dispatches) send nothing twice once the record is made. When every channel
/// fails the job fails and Hangfire retries it; the alert stays open on the caseload meanwhile. The channels are
/// the host's and those of the plugins the tenant enables.
/// </summary>
public sealed partial class SafetyAlertNotificationJob(
    JourneyUseCases journeys,
    ITenantDirectory tenants,
    NotificationRoutes routes,
    ILogger<SafetyAlertNotificationJob> logger)
{
    public const string Actor = "system:safety-alert-notifier";

    // A safety alert is urgent: a failed delivery is tried again within seconds, then less often, not after Hangfire's
    // default back-off (a minute or more from the first retry, hours by the last).
    [AutomaticRetry(Attempts = 20, DelaysInSeconds = [5, 10, 20, 30, 60, 120, 300, 600, 900, 1800])]
    public async Task RunAsync(string tenant, Guid journeyId, Guid alertId)
    {
        var tenantId = TenantId.Parse(tenant);
        if (!tenants.TryGet(tenantId, out var settings))
        {
            return;
        }

        var state = await journeys.FindStateAsync(Caller.System(tenantId), journeyId, RecordAccess.Processing);
        var alert = state?.SafetyAlerts.Find(a => a.Id == alertId);
        if (alert is not { NotifiedAt: null, IsOpen: true })
        {
            return;
        }

        if (settings.Supervisors.IsEmpty)
        {
            // Nobody to tell is a configuration fault: fail loudly so the job retries once supervisors are configured.
            LogNoSupervisors(tenant);
            throw new InvalidOperationException($"Tenant '{tenant}' has no supervisors configured to receive safety alerts.");
        }

        var notification = new SafetyAlertNotification
        {
            Tenant = tenantId,
            JourneyId = journeyId,
            AlertId = alert.Id,
            Flag = alert.Flag,
            Instrument = alert.Instrument,
            RaisedAt = alert.RaisedAt,
            JourneyPath = $"/api/v1/tenants/{tenant}/journeys/{journeyId}",
            Recipients = [.. settings.Supervisors.Select(s => new NotificationRecipient(s.Id, s.DisplayName, s.Email))],
        };

        var delivered = await routes.DeliverAsync(
            tenantId, "send-safety-alert", (channel, token) => channel.SendAsync(notification, token), (ex, channel) => LogChannelFailed(ex, tenant, alert.Id, channel));
        if (delivered.Count == 0)
        {
            throw new InvalidOperationException($"No notification channel delivered safety alert {alert.Id}; it will be retried.");
        }

        await journeys.SendAsync(Caller.System(tenantId), journeyId, new NotifySafetyAlert(alert.Id, [.. notification.Recipients.Select(r => r.Id)], [.. delivered])
        {
            CommandId = JourneyIds.SafetyAlertNotification(tenantId, journeyId, alert.Id),
            Actor = Actor,
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Tenant {Tenant}: a safety alert cannot be notified because the tenant has no supervisors configured")]
    private partial void LogNoSupervisors(string tenant);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tenant {Tenant}: channel {Channel} failed to deliver safety alert {AlertId}")]
    private partial void LogChannelFailed(Exception exception, string tenant, Guid alertId, string channel);
}
