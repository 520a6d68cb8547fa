namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>A need no program of the directory could meet for the person.</summary>
[GenerateSerializer, Immutable, Alias("sp.UnmetNeedRecorded")]
public sealed record UnmetNeedRecorded(
    [property: Id(0)] Guid UnmetNeedId,
    [property: Id(1)] string Need,
    [property: Id(2)] string? Details) : JourneyEvent;
