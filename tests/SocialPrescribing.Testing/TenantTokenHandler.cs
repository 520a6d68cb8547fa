using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace SocialPrescribing.Testing;

/// <summary>
/// Signs a test client's requests in: each gets a token for the tenant its path names (<c>/api/v1/tenants/{tenant}/…</c>;
/// <see cref="DefaultTenant"/> otherwise), for <see cref="TestTokens.DefaultCaller"/> or the subject a request names in
/// <see cref="Subject"/>. A request that already carries an Authorization header, or sets <see cref="Anonymous"/>, is
/// sent as it is.
/// </summary>
public sealed class TenantTokenHandler(string dataDirectory) : DelegatingHandler
{
    public const string DefaultTenant = "ab";

    /// <summary>The caller a request is sent as (its roles: <see cref="TestTokens.TenantRoles"/>).</summary>
    public static readonly HttpRequestOptionsKey<string> Subject = new("sp.test.subject");

    /// <summary>Set to send a request without any token.</summary>
    public static readonly HttpRequestOptionsKey<bool> Anonymous = new("sp.test.anonymous");

    /// <summary>How long a token is reused: well inside its ten minutes, so a fixture shared by a long run never sends an expired one.</summary>
    private static readonly TimeSpan Reuse = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(string Tenant, string Subject), (string Token, DateTime Issued)> _tokens = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.Authorization is null && !(request.Options.TryGetValue(Anonymous, out var anonymous) && anonymous))
        {
            var tenant = TenantOf(request.RequestUri) ?? DefaultTenant;
            var subject = request.Options.TryGetValue(Subject, out var named) ? named : TestTokens.DefaultCaller;
            // Until the host has made its keys (while it starts) there is nothing to sign with: such requests go
            // without a token, which only the open health probes accept.
            if (_tokens.TryGetValue((tenant, subject), out var issued) || File.Exists(TestTokens.SigningKeyPath(dataDirectory)))
            {
                if (issued.Token is null || DateTime.UtcNow - issued.Issued > Reuse)
                {
                    issued = (TestTokens.For(dataDirectory, tenant, subject), DateTime.UtcNow);
                    _tokens[(tenant, subject)] = issued;
                }

                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issued.Token);
            }
        }

        return base.SendAsync(request, cancellationToken);
    }

    private static string? TenantOf(Uri? uri)
    {
        var segments = uri?.IsAbsoluteUri == true ? uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) : (uri?.OriginalString ?? string.Empty).Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(segments, "tenants");
        return at >= 0 && at + 1 < segments.Length ? Uri.UnescapeDataString(segments[at + 1]) : null;
    }
}
