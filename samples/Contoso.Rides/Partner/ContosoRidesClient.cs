using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Contoso.Rides.Partner;

/// <summary>
/// The Contoso Rides partner API over HTTP, for one tenant's account. Each call takes a client from the host's
/// <see cref="IHttpClientFactory"/> (pooled handlers) and honours the caller's token, which the host cancels
/// when the call runs out of time. Any status other than 2xx is a failure.
/// </summary>
internal sealed class ContosoRidesClient
{
    public const string HttpClientName = "contoso-rides";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private readonly IHttpClientFactory _httpClients;
    private readonly Uri _baseUrl;
    private readonly string _apiKey;

    public ContosoRidesClient(IHttpClientFactory httpClients, ContosoRidesSettings settings)
    {
        _httpClients = httpClients;
        var url = settings.BaseUrl ?? throw new ArgumentException("The settings have no BaseUrl.", nameof(settings));
        // Relative paths resolve below the base only when it ends with a slash.
        _baseUrl = url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
        _apiKey = settings.ApiKey ?? throw new ArgumentException("The settings have no ApiKey.", nameof(settings));
    }

    public Task<PartnerQuote> QuoteAsync(PartnerTrip trip, CancellationToken cancellationToken) =>
        SendAsync(
            "quote",
            HttpMethod.Post,
            "v1/quotes",
            JsonContent.Create(trip, ContosoJsonContext.Default.PartnerTrip),
            idempotencyKey: null,
            ContosoJsonContext.Default.PartnerQuote,
            cancellationToken);

    public Task<PartnerBooking> BookAsync(string idempotencyKey, PartnerBookingRequest booking, CancellationToken cancellationToken) =>
        SendAsync(
            "book",
            HttpMethod.Post,
            "v1/bookings",
            JsonContent.Create(booking, ContosoJsonContext.Default.PartnerBookingRequest),
            idempotencyKey,
            ContosoJsonContext.Default.PartnerBooking,
            cancellationToken);

    public Task<PartnerBooking> CancelAsync(string bookingId, string idempotencyKey, PartnerCancellation cancellation, CancellationToken cancellationToken) =>
        SendAsync(
            "cancel",
            HttpMethod.Post,
            $"v1/bookings/{Uri.EscapeDataString(bookingId)}/cancellation",
            JsonContent.Create(cancellation, ContosoJsonContext.Default.PartnerCancellation),
            idempotencyKey,
            ContosoJsonContext.Default.PartnerBooking,
            cancellationToken);

    public Task<PartnerBooking> GetBookingAsync(string bookingId, CancellationToken cancellationToken) =>
        SendAsync(
            "status",
            HttpMethod.Get,
            $"v1/bookings/{Uri.EscapeDataString(bookingId)}",
            content: null,
            idempotencyKey: null,
            ContosoJsonContext.Default.PartnerBooking,
            cancellationToken);

    private async Task<T> SendAsync<T>(
        string operation,
        HttpMethod method,
        string path,
        HttpContent? content,
        string? idempotencyKey,
        JsonTypeInfo<T> answer,
        CancellationToken cancellationToken)
        where T : class
    {
        using var http = _httpClients.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(method, new Uri(_baseUrl, path)) { Content = content };
        request.Headers.Add(ApiKeyHeader, _apiKey);
        if (idempotencyKey is not null)
        {
            request.Headers.Add(IdempotencyKeyHeader, idempotencyKey);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ContosoRidesException(operation, response.StatusCode);
        }

        try
        {
            return await response.Content.ReadFromJsonAsync(answer, cancellationToken)
                ?? throw new ContosoRidesException($"Contoso Rides answered '{operation}' with an empty body.");
        }
        catch (JsonException e)
        {
            throw new ContosoRidesException($"Contoso Rides answered '{operation}' with a body that is not its API's JSON.", e);
        }
    }
}
