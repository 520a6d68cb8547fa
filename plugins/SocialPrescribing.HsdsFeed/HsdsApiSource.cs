using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SocialPrescribing.Abstractions.Directory;

namespace SocialPrescribing.HsdsFeed;

/// <summary>
/// Reads an HSDS 3 API's <c>/services</c>, a page at a time, asking for each service whole (<c>full=true</c>: its
/// organization, locations, schedules… nested, as an import takes them) and, after the first run, only those modified
/// since (<c>modified_after</c>). The cursor is the next page number; the HSDS Page's <c>last_page</c> (or an empty
/// page) ends the feed. Stateless, so safe to call concurrently; any status other than 2xx is a failure.
/// </summary>
[DirectorySource("hsds-api-feed", DisplayName = "HSDS 3 API")]
public sealed class HsdsApiSource(IHttpClientFactory httpClients, IOptions<HsdsFeedSettings> options) : IDirectorySource
{
    private readonly HsdsFeedSettings _settings = options.Value;

    public async Task<DirectoryFeedPage> ReadAsync(DirectoryFeedRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = request.Cursor is null ? 1 : int.Parse(request.Cursor, NumberStyles.None, CultureInfo.InvariantCulture);
        var query = $"services?full=true&page={page}&per_page={_settings.PerPage}";
        if (request.ModifiedAfter is { } since)
        {
            query += "&modified_after=" + Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        }

        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(_settings.BaseUrl!, query));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (_settings.BearerToken is { Length: > 0 } token)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (_settings.ApiKeyHeader is { } header)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            message.Headers.TryAddWithoutValidation(header[..colon].Trim(), header[(colon + 1)..].Trim());
        }

        using var http = httpClients.CreateClient("hsds-api-feed");
        using var response = await http.SendAsync(message, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The HSDS API answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var root = document.RootElement;
        var contents = root.TryGetProperty("contents", out var items) && items.ValueKind == JsonValueKind.Array ? items : default;
        var services = contents.ValueKind == JsonValueKind.Array ? contents.EnumerateArray().Select(s => s.GetRawText()).ToList() : [];
        var last = services.Count == 0
            || (root.TryGetProperty("last_page", out var lastPage) && lastPage.ValueKind == JsonValueKind.True)
            || (root.TryGetProperty("total_pages", out var total) && total.TryGetInt32(out var pages) && page >= pages);
        return new DirectoryFeedPage
        {
            Services = services,
            NextCursor = last ? null : (page + 1).ToString(CultureInfo.InvariantCulture),
        };
    }
}
