namespace SocialPrescribing.Abstractions.Notifications;

/// <summary>A safety alert raised on a journey, to be seen by the tenant's supervisors.</summary>
public sealed record SafetyAlertNotification
{
    /// <summary>The tenant (program) the journey belongs to.</summary>
    public required TenantId Tenant { get; init; }

    /// <summary>The journey the alert was raised on.</summary>
    public required Guid JourneyId { get; init; }

    /// <summary>The alert, as it is acknowledged.</summary>
    public required Guid AlertId { get; init; }

    /// <summary>The flag that raised it, for example <c>self-harm-risk</c>.</summary>
    public required string Flag { get; init; }

    /// <summary>The instrument whose answers raised the flag, for example <c>phq9</c>.</summary>
    public required string Instrument { get; init; }

    /// <summary>When the alert was raised.</summary>
    public required DateTimeOffset RaisedAt { get; init; }

    /// <summary>The API path of the journey, relative to the host, for a link in the message.</summary>
    public required string JourneyPath { get; init; }

    /// <summary>Who must be told: the tenant's supervisors.</summary>
    public required IReadOnlyList<NotificationRecipient> Recipients { get; init; }
}
