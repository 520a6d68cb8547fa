namespace SocialPrescribing.Storage;

/// <summary>The engine could not be reached or refused work for a reason that may pass; callers answer 503.</summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
