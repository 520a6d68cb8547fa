namespace SocialPrescribing.Abstractions.Transport;

/// <summary>A street address a vehicle can stop at.</summary>
public sealed record TripLocation
{
    /// <summary>A name for the place, for example <c>Bow Valley Community Hall</c>, or null for a home address.</summary>
    public string? Name { get; init; }

    /// <summary>Street number and name, with unit, for example <c>12 Elm Street, Apt 3</c>.</summary>
    public required string Street { get; init; }

    /// <summary>City, town or community, for example <c>Calgary</c>.</summary>
    public required string Municipality { get; init; }

    /// <summary>Province or territory as a two-letter code, for example <c>AB</c>.</summary>
    public required string Province { get; init; }

    /// <summary>Postal code, for example <c>T2P 1J9</c>, or null.</summary>
    public string? PostalCode { get; init; }

    /// <summary>Directions for the driver, for example <c>side door, ring twice</c>, or null.</summary>
    public string? Instructions { get; init; }
}
