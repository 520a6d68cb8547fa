namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>The journey moved to another link worker's caseload (staff change, caseload balancing).</summary>
[GenerateSerializer, Immutable, Alias("sp.LinkWorkerReassigned")]
public sealed record LinkWorkerReassigned(
    [property: Id(0)] string From,
    [property: Id(1)] string To) : JourneyEvent;
