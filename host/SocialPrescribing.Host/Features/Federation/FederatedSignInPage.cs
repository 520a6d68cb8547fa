using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using SocialPrescribing.Accounts;
using SocialPrescribing.Host.Features.SignIn;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Host.Features.Federation;

/// <summary>
/// <c>/account/federated/{tenant}</c>: off to the tenant's provider (the sign-in page's button); <c>…/done</c>: back
/// from it, the provider's word in the short-lived external cookie, which is spent at once; <c>…/refused</c>: the
/// provider did not sign the person in, or its answer did not check out.
/// </summary>
internal static partial class FederatedSignInPage
{
    public static IResult Challenge(string tenant, HttpContext http, FederationDirectory federation)
    {
        if (federation.Find(tenant) is not { } federated)
        {
            return Results.NotFound();
        }

        var page = AccountPage.FromQuery(http, "returnUrl");
        var properties = new AuthenticationProperties { RedirectUri = page.Link($"/account/federated/{federated.Tenant.Value}/done", ("returnUrl", page.ReturnTo)) };
        properties.Items[FederationFeature.TenantItem] = federated.Tenant.Value;
        properties.Items[FederationFeature.LanguageItem] = page.Text.Lang;
        return Results.Challenge(properties, [federated.Scheme]);
    }

    public static async Task<IResult> CompleteAsync(string tenant, HttpContext http, FederationDirectory federation, FederatedAccounts accounts, SignInFlow flow)
    {
        if (federation.Find(tenant) is not { } federated)
        {
            return Results.NotFound();
        }

        var page = AccountPage.FromQuery(http, "returnUrl");
        var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
        // The provider's word serves this one sign-in: spent whatever comes next.
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        var principal = external.Succeeded
            && external.Properties?.Items.TryGetValue(FederationFeature.TenantItem, out var from) == true && from == federated.Tenant.Value
                ? external.Principal
                : null;
        var subject = principal?.FindFirst(federated.SubjectClaim);
        if (principal is null || subject is null || string.IsNullOrWhiteSpace(subject.Value) || !federated.IsIssuer(subject.Issuer))
        {
            return await RefuseAsync(page, flow, federated, federated.Scheme, SignInFailure.ExternalFailed);
        }

        var who = new ExternalIdentity(
            federated.Scheme,
            subject.Issuer,
            subject.Value,
            principal.FindFirst(federated.EmailClaim)?.Value,
            bool.TryParse(principal.FindFirst("email_verified")?.Value, out var verified) ? verified : null,
            principal.FindFirst(federated.NameClaim)?.Value);
        var roles = federated.RolesFor(principal.FindAll(federated.RoleClaim).Select(c => c.Value));
        var result = await accounts.SignInAsync(federated.Tenant, who, roles, federated.CreateAccounts, http.RequestAborted);
        if (!result.Succeeded)
        {
            return await RefuseAsync(page, flow, federated, result.User?.UserName ?? Actor(federated, subject.Value), result.Refusal!);
        }

        // The session remembers which provider opened it: it reaches this tenant only (see SignInFlow.SessionTenantsAsync).
        await flow.SignIn.SignInWithClaimsAsync(result.User!, isPersistent: false, [new Claim(ClaimTypes.AuthenticationMethod, federated.Scheme)]);
        await flow.FederatedSignedInAsync(http, result.User!.UserName!, federated.Tenant.Value);
        return Results.Redirect(page.ReturnTo);
    }

    public static IResult Refused(string tenant, HttpContext http, FederationDirectory federation)
    {
        if (federation.Find(tenant) is not { } federated)
        {
            return Results.NotFound();
        }

        var page = AccountPage.FromQuery(http, "returnUrl");
        return Show(page, federated, SignInFailure.ExternalFailed);
    }

    /// <summary>
    /// The provider answered with an error (the person cancelled, or it refused them), or its answer did not check out
    /// (state, nonce, issuer, audience, signature): audited as a refused sign-in, and the person sees a page, not an error.
    /// </summary>
    public static async Task RemoteFailureAsync(RemoteFailureContext context, FederatedTenant federated)
    {
        context.HandleResponse();
        var http = context.HttpContext;
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FederatedSignInPage).FullName!);
        RemoteFailed(logger, federated.Tenant.Value, context.Failure?.GetType().Name ?? "-", http.TraceIdentifier);
        await http.RequestServices.GetRequiredService<SignInFlow>().FederatedFailedAsync(http, federated.Scheme, federated.Tenant.Value, SignInFailure.ExternalFailed);
        var done = context.Properties?.RedirectUri;
        var query = done is null ? null : QueryHelpers.ParseQuery(new Uri(new Uri("http://host"), done).Query);
        var lang = context.Properties?.Items.TryGetValue(FederationFeature.LanguageItem, out var asked) == true ? asked : null;
        http.Response.Redirect(QueryHelpers.AddQueryString($"/account/federated/{federated.Tenant.Value}/refused", new Dictionary<string, string?>
        {
            ["lang"] = lang ?? PageLanguage.Resolve(null, http.Request),
            ["returnUrl"] = query is not null && query.TryGetValue("returnUrl", out var returnUrl) ? ReturnUrl.Safe(returnUrl.ToString()) : null,
        }.Where(q => q.Value is not null)));
    }

    private static async Task<IResult> RefuseAsync(AccountPage page, SignInFlow flow, FederatedTenant federated, string who, string reason)
    {
        await flow.FederatedFailedAsync(page.Http, who, federated.Tenant.Value, reason);
        return Show(page, federated, reason);
    }

    private static IResult Show(AccountPage page, FederatedTenant federated, string reason)
    {
        var t = page.Text;
        var message = reason switch
        {
            SignInFailure.UnknownPerson => t.FederationUnknownPerson,
            SignInFailure.NoMappedRole => t.FederationNoRole,
            SignInFailure.NotAllowed => t.FederationNotAllowed,
            _ => t.FederationFailed,
        };
        var again = Html.Of($"<p><a href=\"{page.Onward(SignInPage.Path)}\">{t.SignInTitle}</a></p>");
        return page.Message(t.FederationRefusedTitle, t.Format(message, federated.DisplayName), StatusCodes.Status403Forbidden, again);
    }

    /// <summary>Who the audit log names for a person no account here is linked to: the provider's scheme and their subject there.</summary>
    private static string Actor(FederatedTenant federated, string subject)
    {
        var actor = federated.Scheme + ":" + subject;
        return actor.Length <= AuditEntry.MaxActorLength
            ? actor
            : federated.Scheme + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subject)));
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Federated sign-in failed at or on return from the provider of tenant {Tenant}: {Failure} (request {RequestId}).")]
    private static partial void RemoteFailed(ILogger logger, string tenant, string failure, string requestId);
}
