namespace SocialPrescribing.Application.Access;

/// <summary>The caller may not do this to this record; every door answers it the same way (HTTP: 403 with problem details).</summary>
public sealed class AccessDeniedException : Exception
{
    public AccessDeniedException()
    {
    }

    public AccessDeniedException(string message)
        : base(message)
    {
    }

    public AccessDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
