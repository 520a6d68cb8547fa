namespace SocialPrescribing.Storage;

/// <summary>Filters for a caseload listing; <see cref="Page"/> counts from 1.</summary>
public sealed record JourneyQuery(string? Status, string? LinkWorkerId, int Page, int PageSize);
