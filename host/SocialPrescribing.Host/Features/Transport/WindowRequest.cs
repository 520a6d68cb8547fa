using SocialPrescribing.Domain.Journeys.Transport;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Transport;

/// <summary>A pickup window: start and end instants.</summary>
internal sealed record WindowRequest(DateTimeOffset? Start, DateTimeOffset? End)
{
    public TripWindow ToWindow(RequestValidation validation, string field)
    {
        if (Start is null || End is null)
        {
            validation.Add(field, "Required: start and end, as ISO 8601 instants.");
            return new TripWindow(default, default);
        }

        return new TripWindow(Start.Value, End.Value);
    }
}
