using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SocialPrescribing.Cli;

/// <summary>A refusal or failure spf reports to the operator, with its exit code.</summary>
internal sealed class SpfException(string message, int exitCode = ExitCodes.Failed) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>
/// The host's API as spf calls it: its address (<c>--url</c> or <c>SPF_URL</c>) and a bearer token (<c>--token</c> or
/// <c>SPF_TOKEN</c>), or a registered client's id and secret (<c>SPF_CLIENT_ID</c>, <c>SPF_CLIENT_SECRET</c>) exchanged
/// at <c>/connect/token</c>. A refusal comes back as its problem details, field by field.
/// </summary>
internal sealed class HostApi : IDisposable
{
    private readonly HttpClient _http;

    private HostApi(HttpClient http) => _http = http;

    public static async Task<HostApi> ConnectAsync(string? url, string? token, HttpMessageHandler? handler, CancellationToken cancellationToken)
    {
        url ??= Environment.GetEnvironmentVariable("SPF_URL");
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var address))
        {
            throw new SpfException("name the host with --url or SPF_URL (for example http://localhost:5080).");
        }

        var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.BaseAddress = address;
        http.Timeout = TimeSpan.FromMinutes(10);
        token ??= Environment.GetEnvironmentVariable("SPF_TOKEN");
        if (string.IsNullOrWhiteSpace(token)
            && Environment.GetEnvironmentVariable("SPF_CLIENT_ID") is { Length: > 0 } client
            && Environment.GetEnvironmentVariable("SPF_CLIENT_SECRET") is { Length: > 0 } secret)
        {
            token = await ClientTokenAsync(http, client, secret, cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            http.Dispose();
            throw new SpfException("give an access token with --token or SPF_TOKEN, or a client's SPF_CLIENT_ID and SPF_CLIENT_SECRET.");
        }

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        return new HostApi(http);
    }

    public void Dispose() => _http.Dispose();

    public Task<JsonNode?> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, null, cancellationToken);

    /// <summary>Sends the request and returns its JSON body (null when it has none); a refusal throws <see cref="SpfException"/> with what the host said.</summary>
    public async Task<JsonNode?> SendAsync(HttpMethod method, string path, HttpContent? content, Action<HttpRequestHeaders>? headers, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, content, headers, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    /// <summary>Sends the request; a refusal throws <see cref="SpfException"/> with what the host said.</summary>
    public async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, HttpContent? content, Action<HttpRequestHeaders>? headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        headers?.Invoke(request.Headers);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new SpfException($"the host at {_http.BaseAddress} cannot be reached: {ex.Message}");
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw new SpfException(await DescribeAsync(response, cancellationToken));
        }
    }

    /// <summary>A refusal in one line: the status, the problem's title and detail, and each field at fault.</summary>
    private static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = new StringBuilder($"{(int)response.StatusCode} {response.ReasonPhrase}");
        JsonNode? problem = null;
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            problem = body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
        }

        if (problem?["title"]?.GetValue<string>() is { } title)
        {
            text.Append(": ").Append(title);
        }

        if (problem?["detail"]?.GetValue<string>() is { } detail)
        {
            text.Append(' ').Append(detail);
        }

        if (problem?["errors"] is JsonObject errors)
        {
            foreach (var (field, messages) in errors)
            {
                text.Append(Environment.NewLine).Append("  ").Append(field).Append(": ")
                    .Append(string.Join(" ", messages!.AsArray().Select(m => m!.GetValue<string>())));
            }
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            text.Append(Environment.NewLine).Append("  the token is missing, expired or not for this host: get a new one (the host's `token` command, or a client's secret).");
        }

        return text.ToString();
    }

    private static async Task<string> ClientTokenAsync(HttpClient http, string client, string secret, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client,
            ["client_secret"] = secret,
        });
        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), form, cancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        if (!response.IsSuccessStatusCode || body?["access_token"]?.GetValue<string>() is not { } token)
        {
            throw new SpfException($"the host refused client '{client}' a token: {body?["error_description"] ?? body?["error"] ?? response.StatusCode.ToString()}");
        }

        return token;
    }
}
