using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.SafetyAlerts;

/// <summary>An open safety alert in the tenant-wide listing supervisors work from.</summary>
internal sealed record OpenSafetyAlertItem(Guid JourneyId, string ClientName, string? LinkWorkerId, [property: WireEnum<SocialPrescribing.Domain.Journeys.JourneyStatus>(Except = "none")] string JourneyStatus, SafetyAlertResponse Alert);
