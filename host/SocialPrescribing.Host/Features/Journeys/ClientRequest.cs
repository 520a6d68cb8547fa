using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

internal sealed record ClientRequest(
    string? GivenName,
    string? FamilyName,
    string? BirthDate,
    string? PostalCode,
    [property: WireEnum<PreferredLanguage>] string? PreferredLanguage,
    string? Phone = null,
    string? Email = null);
