namespace SocialPrescribing.Abstractions.Notifications;

/// <summary>
/// Someone opened a journey outside their scope in an emergency (break-glass), to be seen by the tenant's privacy
/// officers. The reason stays in the audit log: it may describe the person, and a channel may cross systems that must
/// not hold personal health information.
/// </summary>
public sealed record EmergencyAccessNotification
{
    /// <summary>The tenant (program) the journey belongs to.</summary>
    public required TenantId Tenant { get; init; }

    /// <summary>The journey opened.</summary>
    public required Guid JourneyId { get; init; }

    /// <summary>The emergency access, as the journey and the audit log record it.</summary>
    public required Guid GrantId { get; init; }

    /// <summary>The user id of who opened it.</summary>
    public required string OpenedBy { get; init; }

    /// <summary>When it was opened.</summary>
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>When it ends.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The API path of the journey's access report, relative to the host, for a link in the message.</summary>
    public required string AccessReportPath { get; init; }

    /// <summary>Who must be told: the tenant's privacy officers.</summary>
    public required IReadOnlyList<NotificationRecipient> Recipients { get; init; }
}
