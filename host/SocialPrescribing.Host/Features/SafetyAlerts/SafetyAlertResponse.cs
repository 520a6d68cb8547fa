using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Host.Features.SafetyAlerts;

/// <summary>A safety alert on a journey.</summary>
internal sealed record SafetyAlertResponse(
    Guid AlertId,
    Guid AssessmentId,
    string Instrument,
    string Flag,
    string Status,
    DateTimeOffset RaisedAt,
    DateTimeOffset? NotifiedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    string? Note)
{
    public static SafetyAlertResponse From(SafetyAlert a) => new(
        a.Id, a.AssessmentId, a.Instrument, a.Flag, a.IsOpen ? "open" : "acknowledged", a.RaisedAt, a.NotifiedAt, a.AcknowledgedAt, a.AcknowledgedBy, a.AcknowledgementNote);
}
