namespace SocialPrescribing.Domain.Journeys;

/// <summary>
/// A safety concern raised by an assessment flag. It stays open until a supervisor acknowledges it with a note,
/// and while it is open the journey cannot be closed.
/// </summary>
[GenerateSerializer, Immutable, Alias("sp.SafetyAlert")]
public sealed record SafetyAlert(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid AssessmentId,
    [property: Id(2)] string Instrument,
    [property: Id(3)] string Flag,
    [property: Id(4)] DateTimeOffset RaisedAt,
    [property: Id(5)] DateTimeOffset? NotifiedAt,
    [property: Id(6)] DateTimeOffset? AcknowledgedAt,
    [property: Id(7)] string? AcknowledgedBy,
    [property: Id(8)] string? AcknowledgementNote)
{
    public bool IsOpen => AcknowledgedAt is null;
}
