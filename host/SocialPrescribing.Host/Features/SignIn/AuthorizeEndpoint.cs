using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using SocialPrescribing.Host.Features.Access;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SocialPrescribing.Host.Features.SignIn;

/// <summary>
/// <c>/connect/authorize</c> once OpenIddict has checked the client, its redirect URI and PKCE: the person signs in on
/// the host's pages (and chooses a tenant when they hold roles in several), then the client gets a code for a token
/// that carries that one tenant and the person's roles there.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, SignInFlow flow)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The authorization request was not checked by OpenIddict.");
        var page = AccountPage.FromQuery(http);
        var lang = page.Text.Lang;
        var parameters = http.Request.HasFormContentType ? (IEnumerable<KeyValuePair<string, StringValues>>)await http.Request.ReadFormAsync(http.RequestAborted) : http.Request.Query;

        var user = await flow.CurrentUserAsync(http);
        if (user is null || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return TokenEndpoint.Refuse(Errors.LoginRequired, "The person is not signed in.");
            }

            // Back here after signing in, without prompt=login, which would send the person round again.
            var again = ReturnUrl.Authorize + QueryString.Create(parameters.Where(p => p.Key != Parameters.Prompt));
            return Results.Redirect(QueryHelpers.AddQueryString(SignInPage.Path, new Dictionary<string, string?> { ["returnUrl"] = again, ["lang"] = lang }));
        }

        var returnHere = ReturnUrl.Authorize + QueryString.Create(parameters);
        // A tenant's own provider does its people's second factor (if it asks for one); the host's is for passwords.
        if (flow.Options.RequireTwoFactor && !user.TwoFactorEnabled && await flow.FederatedTenantAsync(http) is null)
        {
            return Results.Redirect(QueryHelpers.AddQueryString(TwoFactorSetupPage.Path, new Dictionary<string, string?> { ["returnUrl"] = returnHere, ["lang"] = lang }));
        }

        var tenants = await flow.SessionTenantsAsync(http, user);
        if (tenants.Count == 0)
        {
            return page.Message(page.Text.NoTenantTitle, page.Text.NoTenant, StatusCodes.Status403Forbidden);
        }

        var asked = request.GetParameter(TenantChoicePage.Parameter)?.ToString();
        var tenant = asked is not null && tenants.ContainsKey(asked) ? asked : tenants.Count == 1 ? tenants.Keys.Single() : null;
        if (tenant is null)
        {
            var without = ReturnUrl.Authorize + QueryString.Create(parameters.Where(p => p.Key != TenantChoicePage.Parameter));
            return Results.Redirect(QueryHelpers.AddQueryString(TenantChoicePage.Path, new Dictionary<string, string?> { ["returnUrl"] = without, ["lang"] = lang }));
        }

        var principal = PersonPrincipal.Create(user, tenant, tenants[tenant], request.GetScopes());
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary><c>/connect/logout</c>: ends the host's session and revokes the person's refresh tokens, then back to the client (if it named a registered address) or to the signed-out page.</summary>
    public static async Task<IResult> EndSessionAsync(HttpContext http, SignInFlow flow, IOpenIddictTokenManager tokens)
    {
        var request = http.GetOpenIddictServerRequest();
        if (await flow.CurrentUserAsync(http) is { } user)
        {
            await tokens.RevokeBySubjectAsync(user.UserName!, http.RequestAborted);
        }

        await flow.SignIn.SignOutAsync();
        var lang = PageLanguage.Resolve(request?.UiLocales, http.Request);
        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = QueryHelpers.AddQueryString(AccountHomePage.SignedOutPath, "lang", lang) },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
