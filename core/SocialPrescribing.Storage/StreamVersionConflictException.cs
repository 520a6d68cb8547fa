namespace SocialPrescribing.Storage;

/// <summary>Another writer appended to the stream first; nothing of this append was stored.</summary>
public sealed class StreamVersionConflictException : Exception
{
    public StreamVersionConflictException()
    {
    }

    public StreamVersionConflictException(string message)
        : base(message)
    {
    }

    public StreamVersionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StreamVersionConflictException(Guid journeyId, long expectedVersion)
        : base($"Journey {journeyId} is not at version {expectedVersion}.")
    {
    }
}
