using System.ComponentModel.DataAnnotations;

namespace SocialPrescribing.HsdsFeed;

/// <summary>
/// Where one tenant's feed reads from, from <c>Tenants:&lt;tenant&gt;:Plugins:hsds-api-feed:Settings</c>; the host
/// validates it at start-up.
/// </summary>
public sealed class HsdsFeedSettings : IValidatableObject
{
    /// <summary>
    /// The HSDS API's root, ending in <c>/</c>, under which <c>services</c> is served: for example
    /// <c>https://directory.example.org/hsds/</c>, or another deployment's <c>…/api/v1/tenants/on/hsds/</c>. Plain
    /// <c>http</c> only for a loopback address.
    /// </summary>
    [Required]
    public Uri? BaseUrl { get; set; }

    /// <summary>A bearer token the API wants, if any; a secret (set it from the environment, never in appsettings.json).</summary>
    public string? BearerToken { get; set; }

    /// <summary>An API key header the API wants instead, as <c>Header: value</c> (<c>X-Api-Key: …</c>), if any; a secret too.</summary>
    public string? ApiKeyHeader { get; set; }

    /// <summary>Services per page asked of the API (1 to 500).</summary>
    [Range(1, 500)]
    public int PerPage { get; set; } = 100;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BaseUrl is { } url)
        {
            var secure = url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));
            if (!secure)
            {
                yield return new ValidationResult("The BaseUrl must be an absolute https URL (http only for a loopback address).", [nameof(BaseUrl)]);
            }

            if (url.IsAbsoluteUri && !url.AbsolutePath.EndsWith('/'))
            {
                yield return new ValidationResult("The BaseUrl ends with '/', the root under which 'services' is served.", [nameof(BaseUrl)]);
            }
        }

        if (ApiKeyHeader is { } header && (header.IndexOf(':', StringComparison.Ordinal) is var colon && (colon < 1 || colon == header.Length - 1)))
        {
            yield return new ValidationResult("The ApiKeyHeader is 'Header-Name: value'.", [nameof(ApiKeyHeader)]);
        }
    }
}
