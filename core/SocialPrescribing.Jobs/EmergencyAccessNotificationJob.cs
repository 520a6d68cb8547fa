using Hangfire;
using Microsoft.Extensions.Logging;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Abstractions.Notifications;
using SocialPrescribing.Application.Access;
using SocialPrescribing.Application.Audit;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Domain.Access;
using SocialPrescribing.Domain.Identity;
using SocialPrescribing.Domain.Journeys.Commands;

namespace SocialPrescribing.Jobs;

/// <summary>
/// Tells a tenant's privacy officers that someone opened a journey in an emergency (break-glass), through every
/// notification channel: who, when, until when, and where the journey's access report is; the reason they read in the
/// audit log; then records on the journey that they were told, so reconciliation and re-runs send nothing twice. When
/// no channel delivers, the job fails and Hangfire retries it. A tenant with no privacy officer is told
/// nothing and the host logs an error: the access stays in the audit log, with its reason, and unreported, so the
/// reconciliation tells officers appointed within its window.
/// </summary>
public sealed partial class EmergencyAccessNotificationJob(
    JourneyUseCases journeys,
    IRoleHolders people,
    NotificationRoutes routes,
    ILogger<EmergencyAccessNotificationJob> logger)
{
    public const string Actor = "system:emergency-access-notifier";

    // A break-glass access is urgent: a failed delivery is tried again within seconds, then less often, not after Hangfire's
    // default back-off (a minute or more from the first retry, hours by the last).
    [AutomaticRetry(Attempts = 20, DelaysInSeconds = [5, 10, 20, 30, 60, 120, 300, 600, 900, 1800])]
    public async Task RunAsync(string tenant, Guid journeyId, Guid grantId)
    {
        var tenantId = TenantId.Parse(tenant);
        var state = await journeys.FindStateAsync(Caller.System(tenantId), journeyId, RecordAccess.Processing);
        if (state?.EmergencyAccess.Find(g => g.Id == grantId) is not { NotifiedAt: null } grant)
        {
            return;
        }

        var officers = await people.FindAsync(tenantId, AccessRoles.PrivacyOfficer);
        if (officers.Count == 0)
        {
            LogNoPrivacyOfficer(tenant, grantId);
            return;
        }

        var notification = new EmergencyAccessNotification
        {
            Tenant = tenantId,
            JourneyId = journeyId,
            GrantId = grant.Id,
            OpenedBy = grant.UserId,
            OpenedAt = grant.OpenedAt,
            ExpiresAt = grant.ExpiresAt,
            AccessReportPath = $"/api/v1/tenants/{tenant}/journeys/{journeyId}/access-report",
            Recipients = officers,
        };
        var delivered = await routes.DeliverAsync(
            tenantId, "send-emergency-access", (channel, token) => channel.SendAsync(notification, token), (ex, channel) => LogChannelFailed(ex, tenant, grantId, channel));
        if (delivered.Count == 0)
        {
            throw new InvalidOperationException($"No notification channel delivered emergency access {grantId}; it will be retried.");
        }

        await journeys.SendAsync(Caller.System(tenantId), journeyId, new NotifyEmergencyAccess(grant.Id, [.. officers.Select(o => o.Id)], [.. delivered])
        {
            CommandId = JourneyIds.EmergencyAccessNotification(tenantId, journeyId, grant.Id),
            Actor = Actor,
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Tenant {Tenant}: emergency access {GrantId} was opened, and the tenant has no privacy officer to tell")]
    private partial void LogNoPrivacyOfficer(string tenant, Guid grantId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tenant {Tenant}: channel {Channel} failed to deliver emergency access {GrantId}")]
    private partial void LogChannelFailed(Exception exception, string tenant, Guid grantId, string channel);
}
