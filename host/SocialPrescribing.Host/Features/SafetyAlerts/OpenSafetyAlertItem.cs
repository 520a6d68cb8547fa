namespace SocialPrescribing.Host.Features.SafetyAlerts;

/// <summary>An open safety alert in the tenant-wide listing supervisors work from.</summary>
internal sealed record OpenSafetyAlertItem(Guid JourneyId, string ClientName, string? LinkWorkerId, string JourneyStatus, SafetyAlertResponse Alert);
