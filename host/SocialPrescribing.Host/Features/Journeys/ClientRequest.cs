namespace SocialPrescribing.Host.Features.Journeys;

internal sealed record ClientRequest(
    string? GivenName,
    string? FamilyName,
    string? BirthDate,
    string? PostalCode,
    string? PreferredLanguage,
    string? Phone,
    string? Email);
