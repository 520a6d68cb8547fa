using System.Net;

namespace Contoso.Rides;

/// <summary>
/// Contoso Rides gave no usable answer: an error status (5xx, a refused API key, an unknown booking) or a body
/// that cannot be read. The host's invoker reports it as a failed call and, for bookings, retries with the same
/// idempotency key. The message never quotes the partner's body, which may echo the rider's details.
/// </summary>
public sealed class ContosoRidesException : Exception
{
    public ContosoRidesException()
        : this("Contoso Rides gave no usable answer.")
    {
    }

    public ContosoRidesException(string message)
        : base(message)
    {
    }

    public ContosoRidesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ContosoRidesException(string operation, HttpStatusCode statusCode)
        : base($"Contoso Rides answered '{operation}' with {(int)statusCode} {statusCode}.") => StatusCode = statusCode;

    /// <summary>The partner's HTTP status, or null when the answer was unreadable rather than refused.</summary>
    public HttpStatusCode? StatusCode { get; }
}
