using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Journeys;

/// <summary>Why a command appended nothing. <see cref="Allowed"/> names what would have been accepted.</summary>
[GenerateSerializer, Immutable, Alias("sp.CommandRejection")]
public sealed record CommandRejection(
    [property: Id(0)] RejectionKind Kind,
    [property: Id(1)] string Detail,
    [property: Id(2)] string? Field,
    [property: Id(3)] ImmutableArray<string> Allowed)
{
    /// <summary>
    /// For a command id seen before: the rejection when its request differs from the first one, or null for a true
    /// repeat. Either side without a fingerprint (no key, or events stored before fingerprints were kept) is a repeat.
    /// </summary>
    public static CommandRejection? IfKeyReused(string? fingerprint, string? recorded) =>
        fingerprint is null || recorded is null || string.Equals(fingerprint, recorded, StringComparison.Ordinal)
            ? null
            : new(RejectionKind.KeyReused, "This Idempotency-Key was first used with a different request; nothing was changed. Send a new request with a new key.", null, []);
}
