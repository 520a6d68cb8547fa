namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>A request to change a journey. It is checked against the state machine before any event is raised.</summary>
[GenerateSerializer, Immutable, Alias("sp.JourneyCommand")]
public abstract record JourneyCommand
{
    /// <summary>Identifies the request: the same id again returns the first result and appends nothing.</summary>
    [Id(0)]
    public required Guid CommandId { get; init; }

    [Id(1)]
    public required string Actor { get; init; }

    /// <summary>
    /// A digest of the request the command came from, when it came with an Idempotency-Key: the same id with
    /// another fingerprint is a key reused for a different request, refused rather than replayed.
    /// </summary>
    [Id(2)]
    public string? Fingerprint { get; init; }

    /// <summary>The command's name as it appears in URLs and in the allowed-commands list.</summary>
    public abstract string Name { get; }
}
