namespace SocialPrescribing.Storage;

/// <summary>Filters for a caseload listing; <see cref="Page"/> counts from 1.</summary>
public sealed record JourneyQuery(string? Status, string? LinkWorkerId, int Page, int PageSize)
{
    /// <summary>Only journeys with at least one safety alert not yet acknowledged.</summary>
    public bool OpenSafetyAlertsOnly { get; init; }

    /// <summary>Only journeys with a trip its partner has not answered yet.</summary>
    public bool TripsAwaitingPartnerOnly { get; init; }
}
