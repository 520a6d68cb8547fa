namespace SocialPrescribing.Host.Features.Assessments;

/// <summary>A journey's outcomes: per instrument, baseline against the latest re-measure.</summary>
internal sealed record JourneyOutcomesResponse(Guid JourneyId, IReadOnlyList<InstrumentOutcomeResponse> Instruments);
