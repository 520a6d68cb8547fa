using System.Text;
using System.Threading.RateLimiting;

namespace SocialPrescribing.Host.Features.Edge;

/// <summary>
/// The limits of token requests: per source address (see <see cref="EdgeOptions.TokenRequestsPerMinute"/>), and per
/// system asking with its own credentials (<see cref="EdgeOptions.TokenRequestsPerClientPerMinute"/>), so a leaked
/// secret tried from many addresses is held to one client's pace.
/// </summary>
internal sealed class TokenRequestLimiter(PartitionedRateLimiter<HttpContext> perAddress, PartitionedRateLimiter<string> perClient)
{
    /// <summary>A lease for the request: refused when either limit is spent (the address first).</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(HttpContext http)
    {
        var lease = await perAddress.AcquireAsync(http, 1, http.RequestAborted);
        if (!lease.IsAcquired || await ClientCredentialsOfAsync(http) is not { } client)
        {
            return lease;
        }

        lease.Dispose();
        return perClient.AttemptAcquire(client);
    }

    /// <summary>The client id of a client-credentials request (from Basic authentication or the form); null for other requests.</summary>
    private static async Task<string?> ClientCredentialsOfAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            return null;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (form["grant_type"] != "client_credentials")
        {
            return null;
        }

        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                return Uri.UnescapeDataString(pair.Split(':', 2)[0]);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return form["client_id"].ToString() is { Length: > 0 } id ? id : null;
    }
}
