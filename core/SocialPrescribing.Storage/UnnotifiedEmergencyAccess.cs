namespace SocialPrescribing.Storage;

/// <summary>
/// A journey with an emergency access its tenant's privacy officers have not been told of: when the latest such access
/// was opened (the index's order). The reconciliation reads the journey to find which.
/// </summary>
public sealed record UnnotifiedEmergencyAccess(Guid JourneyId, DateTimeOffset LastOpenedAt);
