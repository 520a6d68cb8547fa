using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace SocialPrescribing.Host.Http;

/// <summary>
/// Answers a request target (path and query) over <see cref="ApiOptions.MaxRequestTargetLength"/> with a 414 and
/// problem details. Kestrel's own line limit is set above this one, because Kestrel refuses an over-long request
/// line before any middleware runs, with an empty body.
/// </summary>
internal sealed class RequestTargetLimit(RequestDelegate next, IOptions<ApiOptions> options)
{
    public Task InvokeAsync(HttpContext http)
    {
        var max = options.Value.MaxRequestTargetLength;
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var length = target?.Length ?? (http.Request.PathBase + http.Request.Path).ToUriComponent().Length + http.Request.QueryString.ToUriComponent().Length;
        return length > max ? Problems.TargetTooLong(max).ExecuteAsync(http) : next(http);
    }
}
