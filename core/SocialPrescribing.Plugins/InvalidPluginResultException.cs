namespace SocialPrescribing.Plugins;

/// <summary>Raised inside the resilience pipeline for a result the caller cannot use, so it counts as a failure.</summary>
internal sealed class InvalidPluginResultException : Exception
{
    public InvalidPluginResultException()
    {
    }

    public InvalidPluginResultException(string message)
        : base(message)
    {
    }

    public InvalidPluginResultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
