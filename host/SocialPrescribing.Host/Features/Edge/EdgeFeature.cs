using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using SocialPrescribing.Host.Features.Access;

namespace SocialPrescribing.Host.Features.Edge;

/// <summary>
/// The front door: forwarded headers only from configured proxies, HTTPS and HSTS outside Development, security
/// headers on every answer, and rate limits (token requests per address and per system, referrals per caller; sign-in
/// attempts per account are the sign-in pages' own) answered with 429
/// problem details and <c>Retry-After</c>.
/// </summary>
internal static class EdgeFeature
{
    public const string ReferralLimit = "referrals";

    public static WebApplicationBuilder AddEdge(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Edge").Get<EdgeOptions>() ?? new EdgeOptions();
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in options.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in options.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        builder.Services.AddRateLimiter(limits =>
        {
            limits.AddPolicy(ReferralLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.GetCaller() is { } caller ? $"{caller.Tenant.Value}:{caller.Id}" : http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => PerMinute(options.ReferralsPerMinute)));
            limits.OnRejected = (context, _) => RefuseAsync(context.HttpContext, context.Lease);
        });
        builder.Services.AddSingleton(options);
        // The token endpoint is answered inside authentication (OpenIddict), before endpoint policies apply, so its
        // limit is kept by a limiter of its own at the front door.
        builder.Services.AddSingleton(new TokenRequestLimiter(
            PartitionedRateLimiter.Create<HttpContext, string>(http =>
                RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => PerMinute(options.TokenRequestsPerMinute))),
            PartitionedRateLimiter.Create<string, string>(client =>
                RateLimitPartition.GetFixedWindowLimiter(client, _ => PerMinute(options.TokenRequestsPerClientPerMinute)))));
        return builder;
    }

    /// <summary>Before anything else: the caller's real address and scheme, then HTTPS, then the headers every answer carries.</summary>
    public static WebApplication UseEdge(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<EdgeOptions>();
        app.UseForwardedHeaders();
        if (options.HttpsRedirection ?? !AccessFeature.IsDevelopment(app.Environment))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        var tokenLimiter = app.Services.GetRequiredService<TokenRequestLimiter>();
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/connect/token", StringComparison.Ordinal), branch => branch.Use(async (http, next) =>
        {
            using var lease = await tokenLimiter.AcquireAsync(http);
            if (lease.IsAcquired)
            {
                await next(http);
            }
            else
            {
                await RefuseAsync(http, lease);
            }
        }));

        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            var path = http.Request.Path;
            if (path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                // What the API answers holds health information: never cached, never framed, no scripts in its HTML.
                headers.CacheControl = "no-store";
                headers.ContentSecurityPolicy = ApiPolicy + "; form-action 'none'";
            }
            else if (path.StartsWithSegments("/connect", StringComparison.Ordinal) || path.StartsWithSegments("/account", StringComparison.Ordinal))
            {
                // Sign-in pages and the token server: never cached, never framed, no script but the one line of the
                // authorization endpoint's form_post page that posts the code to the client. No form-action: a
                // sign-in form's redirect chain ends at the client's registered address, which browsers check
                // against form-action too.
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
                headers.ContentSecurityPolicy = SignInPolicy;
            }
            else if (path.StartsWithSegments("/console", StringComparison.Ordinal))
            {
                // The console's pages hold health information: never cached (its style sheet says otherwise for
                // itself), never framed, its own style sheet and no script at all; forms post only to the host.
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
                headers.ContentSecurityPolicy = ConsolePolicy;
            }

            return next(http);
        });
        return app;
    }

    private const string ConsolePolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private const string ApiPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>The script OpenIddict's form_post response runs to submit itself, allowed by its digest and by nothing else.</summary>
    private const string FormPostScript = "document.form.submit();";

    private static readonly string SignInPolicy =
        $"{ApiPolicy}; script-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(FormPostScript)))}'";

    /// <summary>429 with problem details and <c>Retry-After</c> in whole seconds.</summary>
    private static async ValueTask RefuseAsync(HttpContext http, RateLimitLease lease)
    {
        var retry = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = "This client has sent more requests than its limit allows; retry after the time in Retry-After.",
            },
        });
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
