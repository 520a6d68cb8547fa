using System.ComponentModel.DataAnnotations;

namespace Contoso.Rides;

/// <summary>
/// One tenant's account with Contoso Rides, from <c>Tenants:&lt;tenant&gt;:Plugins:contoso-rides:Settings</c>.
/// The host validates it at start-up and refuses to start on a missing or malformed value.
/// </summary>
public sealed class ContosoRidesSettings : IValidatableObject
{
    /// <summary>
    /// The partner API's root, for example <c>https://api.contoso-rides.example/</c>. Plain <c>http</c> is accepted
    /// for a loopback address only (a fake partner on the same machine): requests carry a person's name,
    /// phone and addresses.
    /// </summary>
    [Required]
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// The tenant's API key, sent as <c>X-Api-Key</c>. A secret: set it from the environment
    /// (<c>Tenants__ab__Plugins__contoso-rides__Settings__ApiKey</c>), never in appsettings.json.
    /// </summary>
    [Required]
    [MinLength(8)]
    public string? ApiKey { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl is not { } url)
        {
            yield break;
        }

        var secure = url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));
        if (!secure)
        {
            yield return new ValidationResult(
                "The BaseUrl must be an absolute https URL (http only for a loopback address).", [nameof(BaseUrl)]);
        }
    }
}
