using SocialPrescribing.Domain.Journeys.Transport;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Transport;

/// <summary>A place in a trip request.</summary>
internal sealed record PlaceRequest(string? Street, string? Municipality, string? Province, string? Name = null, string? PostalCode = null, string? Instructions = null)
{
    public TripPlace ToPlace(RequestValidation validation, string field) => new(
        validation.Optional(Name, $"{field}.name", RequestValidation.NameLength),
        validation.Required(Street, $"{field}.street", RequestValidation.NameLength),
        validation.Required(Municipality, $"{field}.municipality", RequestValidation.NameLength),
        validation.Required(Province, $"{field}.province", RequestValidation.NameLength),
        validation.Optional(PostalCode, $"{field}.postalCode", 16),
        validation.Optional(Instructions, $"{field}.instructions", RequestValidation.ItemLength));
}
