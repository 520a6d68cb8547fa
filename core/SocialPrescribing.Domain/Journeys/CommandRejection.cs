using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Journeys;

/// <summary>Why a command appended nothing. <see cref="Allowed"/> names what would have been accepted.</summary>
[GenerateSerializer, Immutable, Alias("sp.CommandRejection")]
public sealed record CommandRejection(
    [property: Id(0)] RejectionKind Kind,
    [property: Id(1)] string Detail,
    [property: Id(2)] string? Field,
    [property: Id(3)] ImmutableArray<string> Allowed);
