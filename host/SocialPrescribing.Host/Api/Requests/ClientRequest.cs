namespace SocialPrescribing.Host.Api.Requests;

internal sealed record ClientRequest(
    string? GivenName,
    string? FamilyName,
    string? BirthDate,
    string? PostalCode,
    string? PreferredLanguage,
    string? Phone,
    string? Email);
