namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>The person's barriers and preferences, as recorded with them (replacing those recorded before).</summary>
[GenerateSerializer, Immutable, Alias("sp.BarriersRecorded")]
public sealed record BarriersRecorded(
    [property: Id(0)] BarriersAndPreferences Circumstances) : JourneyEvent;
