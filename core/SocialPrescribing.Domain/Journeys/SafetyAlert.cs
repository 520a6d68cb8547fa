namespace SocialPrescribing.Domain.Journeys;

/// <summary>
/// A safety concern raised by an assessment flag. It stays open until a supervisor acknowledges it with a note,
/// and while it is open the journey cannot be closed.
/// </summary>
public sealed record SafetyAlert(
    Guid Id,
    Guid AssessmentId,
    string Instrument,
    string Flag,
    DateTimeOffset RaisedAt,
    DateTimeOffset? NotifiedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    string? AcknowledgementNote)
{
    public bool IsOpen => AcknowledgedAt is null;
}
