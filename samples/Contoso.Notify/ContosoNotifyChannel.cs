using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialPrescribing.Abstractions.Notifications;
using SocialPrescribing.Abstractions.Plugins;

namespace Contoso.Notify;

/// <summary>
/// Contoso Notify as a notification channel: each safety alert is one signed <c>POST</c> of a <see cref="Page"/> to
/// the tenant's webhook. Any status other than 2xx is a failure, and the host sends the alert again later.
/// Stateless, so safe to call concurrently.
/// </summary>
[NotificationChannel(ChannelId)]
public sealed partial class ContosoNotifyChannel : INotificationChannel
{
    public const string ChannelId = "contoso-notify";
    public const string HttpClientName = "contoso-notify";
    public const string SignatureHeader = "X-Contoso-Signature";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IHttpClientFactory _httpClients;
    private readonly ContosoNotifySettings _settings;
    private readonly byte[] _secret;
    private readonly string _tenant;
    private readonly ILogger<ContosoNotifyChannel> _logger;

    public ContosoNotifyChannel(IHttpClientFactory httpClients, IOptions<ContosoNotifySettings> settings, PluginTenant tenant, ILogger<ContosoNotifyChannel> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(tenant);
        _httpClients = httpClients;
        _settings = settings.Value;
        _secret = Encoding.UTF8.GetBytes(_settings.SigningSecret ?? throw new ArgumentException("The settings have no SigningSecret.", nameof(settings)));
        _tenant = tenant.Id.Value;
        _logger = logger;
    }

    public string Id => ChannelId;

    public async Task SendAsync(SafetyAlertNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var page = new Page(
            "safety-alert",
            notification.Tenant.Value,
            notification.AlertId,
            notification.JourneyId,
            notification.Flag,
            notification.Instrument,
            notification.RaisedAt,
            _settings.HostUrl is { } host ? new Uri(host, notification.JourneyPath).AbsoluteUri : notification.JourneyPath,
            [.. notification.Recipients.Select(r => new PageRecipient(r.Id, r.DisplayName, r.Email))]);
        var body = JsonSerializer.SerializeToUtf8Bytes(page, Json);

        using var request = new HttpRequestMessage(HttpMethod.Post, _settings.WebhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(SignatureHeader, Sign(_secret, body));
        using var response = await _httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Contoso Notify answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        LogPaged(_logger, _tenant, notification.AlertId, page.Recipients.Count);
    }

    /// <summary>The signature of a message body: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the body under the secret.</summary>
    public static string Sign(byte[] secret, byte[] body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body));
}
