using System.ComponentModel.DataAnnotations;

namespace Contoso.Notify;

/// <summary>
/// One tenant's Contoso Notify webhook, from <c>Tenants:&lt;tenant&gt;:Plugins:contoso-notify:Settings</c>. The host
/// validates it at start-up and refuses to start on a missing or malformed value.
/// </summary>
public sealed class ContosoNotifySettings : IValidatableObject
{
    /// <summary>
    /// Where alerts are posted, for example <c>https://hooks.contoso-notify.example/v1/pages/…</c>. Plain <c>http</c>
    /// is accepted for a loopback address only.
    /// </summary>
    [Required]
    public Uri? WebhookUrl { get; set; }

    /// <summary>
    /// The secret each message is signed with (HMAC-SHA256, header <c>X-Contoso-Signature</c>), so the service can
    /// tell the program's pages from anyone else's. A secret: set it from the environment
    /// (<c>Tenants__ab__Plugins__contoso-notify__Settings__SigningSecret</c>), never in appsettings.json.
    /// </summary>
    [Required]
    [MinLength(16)]
    public string? SigningSecret { get; set; }

    /// <summary>
    /// The address supervisors reach the host at, for example <c>https://sp.example.org/</c>: with it, a page links
    /// to the journey. Optional.
    /// </summary>
    public Uri? HostUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (WebhookUrl is { } url && !(url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))))
        {
            yield return new ValidationResult("The WebhookUrl must be an absolute https URL (http only for a loopback address).", [nameof(WebhookUrl)]);
        }

        if (HostUrl is { IsAbsoluteUri: false })
        {
            yield return new ValidationResult("The HostUrl must be an absolute URL.", [nameof(HostUrl)]);
        }
    }
}
