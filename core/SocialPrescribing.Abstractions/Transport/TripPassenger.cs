namespace SocialPrescribing.Abstractions.Transport;

/// <summary>The person travelling, as far as a driver needs to know them.</summary>
/// <remarks>Personal information: send it only to the partner, and never write it to a log.</remarks>
public sealed record TripPassenger
{
    /// <summary>The name the driver asks for, for example <c>Marie T.</c>.</summary>
    public required string Name { get; init; }

    /// <summary>A phone number the driver can call on the day, or null.</summary>
    public string? Phone { get; init; }

    /// <summary>The person's preferred language as an ISO 639-1 code, for example <c>fr</c>, or null.</summary>
    public string? PreferredLanguage { get; init; }
}
