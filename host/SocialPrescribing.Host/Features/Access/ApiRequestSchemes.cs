using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SocialPrescribing.Host.Features.Access;

/// <summary>
/// The authentication schemes, as ASP.NET Core's provider keeps them, except that a request to the API is offered to
/// no sign-in protocol's request handler (the token server's endpoints, the federated sign-in callbacks): none has a
/// path under <c>/api</c>, where only a bearer token signs a caller in. The token server otherwise answered that
/// question for every API request, at about a twentieth of the host's processor time under load.
/// </summary>
internal sealed class ApiRequestSchemes(IOptions<AuthenticationOptions> options, IHttpContextAccessor requests) : AuthenticationSchemeProvider(options)
{
    public override Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync() =>
        requests.HttpContext?.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal) == true
            ? Task.FromResult(Enumerable.Empty<AuthenticationScheme>())
            : base.GetRequestHandlerSchemesAsync();
}
