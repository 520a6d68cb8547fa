using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage;

/// <summary>One atomic write: the events of one command and the journey's new caseload row.</summary>
public sealed record JourneyAppend(
    TenantId Tenant,
    Guid JourneyId,
    long ExpectedVersion,
    IReadOnlyList<NewEvent> Events,
    JourneySummary Summary);
