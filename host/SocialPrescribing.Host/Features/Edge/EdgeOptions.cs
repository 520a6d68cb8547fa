namespace SocialPrescribing.Host.Features.Edge;

/// <summary>Configuration section <c>Edge</c>: what the host does at its front door, before any feature.</summary>
public sealed class EdgeOptions
{
    /// <summary>
    /// Reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the host believes (IP addresses).
    /// Empty by default: forwarded headers from anyone else are ignored, so a client cannot claim another address.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form (<c>10.0.0.0/8</c>), as <see cref="KnownProxies"/>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Redirect HTTP to HTTPS and send HSTS. Default: on outside Development.</summary>
    public bool? HttpsRedirection { get; set; }

    /// <summary>Token requests per source address per minute. Default 30.</summary>
    public int TokenRequestsPerMinute { get; set; } = 30;

    /// <summary>
    /// Token requests per system (client credentials, by client id) per minute, whatever the address. Default 60. A
    /// person's requests (code, refresh) are held by the per-address limit and by each code and refresh token working once.
    /// </summary>
    public int TokenRequestsPerClientPerMinute { get; set; } = 60;

    /// <summary>Referrals per caller (person or system) per minute. Default 120.</summary>
    public int ReferralsPerMinute { get; set; } = 120;
}
