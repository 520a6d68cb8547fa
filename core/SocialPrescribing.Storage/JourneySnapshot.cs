namespace SocialPrescribing.Storage;

/// <summary>
/// A journey's state as folded from its first <see cref="Version"/> events, kept so that an activation reads the
/// snapshot and the events after it instead of the whole stream. A cache, never the record: the events stay the only
/// truth, and a snapshot whose <see cref="Kind"/> the reader does not know (written by another build) is ignored.
/// </summary>
/// <param name="Kind">What wrote <see cref="Data"/> and how to read it back: the state's type and the build that folded it.</param>
/// <param name="Version">The number of events folded in.</param>
/// <param name="Data">The serialized state.</param>
public sealed record JourneySnapshot(string Kind, long Version, ReadOnlyMemory<byte> Data);
