using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using SocialPrescribing.Accounts;
using SocialPrescribing.Host.Features.Access;

namespace SocialPrescribing.Host.Features.Federation;

/// <summary>
/// Tenants that sign their people in with their own OpenID Connect provider (<c>Tenants:{tenant}:Federation</c>): one
/// authentication scheme each (<c>oidc-&lt;tenant&gt;</c>: code flow with PKCE, issuer and audience checked, nothing
/// kept of the provider's tokens), a "Sign in with …" button on the sign-in page, and the return from the provider,
/// which finds, matches or makes the account, sets its roles in the tenant from the provider's claims, and then goes on
/// exactly as a password sign-in does (the host's session, tenant choice, the host's own code and tokens).
/// </summary>
internal static class FederationFeature
{
    /// <summary>The challenge's item naming the tenant, checked again on return so one tenant's provider cannot sign in to another's.</summary>
    public const string TenantItem = "sp_tenant";

    public const string LanguageItem = "sp_lang";

    public static WebApplicationBuilder AddFederation(this WebApplicationBuilder builder)
    {
        var allowHttp = AccessFeature.IsDevelopment(builder.Environment);
        var directory = FederationDirectory.Read(builder.Configuration.GetSection("Tenants"), allowHttp);
        builder.Services.AddSingleton(directory);
        builder.Services.AddScoped<FederatedAccounts>();
        builder.Services.AddScoped<IPasswordSignInRule, LocalPasswordRule>();
        builder.Services.Configure<SecurityStampValidatorOptions>(stamp => stamp.OnRefreshingPrincipal = KeepSignInMethod);

        var authentication = builder.Services.AddAuthentication();
        foreach (var federated in directory.All)
        {
            authentication.AddOpenIdConnect(federated.Scheme, federated.DisplayName, oidc => Configure(oidc, federated, allowHttp));
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapFederation(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/account/federated/{tenant}").AllowAnonymous().ExcludeFromDescription();
        pages.MapGet(string.Empty, FederatedSignInPage.Challenge);
        pages.MapGet("/done", FederatedSignInPage.CompleteAsync);
        pages.MapGet("/refused", FederatedSignInPage.Refused);
        return app;
    }

    private static void Configure(OpenIdConnectOptions oidc, FederatedTenant federated, bool allowHttp)
    {
        oidc.SignInScheme = IdentityConstants.ExternalScheme;
        oidc.Authority = federated.Authority.AbsoluteUri;
        oidc.RequireHttpsMetadata = !allowHttp;
        oidc.ClientId = federated.ClientId;
        oidc.ClientSecret = federated.ClientSecret;
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        oidc.ResponseMode = federated.ResponseMode == "query" ? OpenIdConnectResponseMode.Query : OpenIdConnectResponseMode.FormPost;
        oidc.UsePkce = true;
        // Claims keep the provider's names (sub, email, groups), which the tenant's mapping names.
        oidc.MapInboundClaims = false;
        // The provider's tokens prove who the person is, once; API callers only ever see the host's own.
        oidc.SaveTokens = false;
        oidc.GetClaimsFromUserInfoEndpoint = false;
        oidc.CallbackPath = federated.CallbackPath;
        oidc.SignedOutCallbackPath = $"/account/federated/{federated.Tenant.Value}/signed-out";
        oidc.RemoteSignOutPath = $"/account/federated/{federated.Tenant.Value}/sign-out";
        oidc.Scope.Clear();
        oidc.Scope.Add(OpenIdConnectScope.OpenId);
        foreach (var scope in federated.Scopes)
        {
            oidc.Scope.Add(scope);
        }

        oidc.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidAudience = federated.ClientId,
            NameClaimType = federated.NameClaim,
            RoleClaimType = federated.RoleClaim,
            ClockSkew = TimeSpan.FromMinutes(1),
        };
        // The state and nonce cookies follow the real clock, as the host's sessions do (tests move the domain's).
        oidc.TimeProvider = TimeProvider.System;
        oidc.CorrelationCookie.Name = "sp.federation.correlation.";
        oidc.NonceCookie.Name = "sp.federation.nonce.";
        if (allowHttp)
        {
            oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }

        if (oidc.ResponseMode == OpenIdConnectResponseMode.Query)
        {
            // The provider comes back with a top-level GET, which Lax cookies ride (None needs https in browsers).
            oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
            oidc.NonceCookie.SameSite = SameSiteMode.Lax;
        }

        oidc.Events = new OpenIdConnectEvents
        {
            OnRedirectToIdentityProvider = context =>
            {
                if (context.Properties.Items.TryGetValue(LanguageItem, out var lang) && lang is not null)
                {
                    context.ProtocolMessage.UiLocales = lang;
                }

                return Task.CompletedTask;
            },
            OnTokenValidated = context =>
            {
                // Discovery says the issuer is the address its document was read from; a provider that names
                // another is refused, whatever its document claims.
                var subject = context.Principal?.FindFirst(federated.SubjectClaim);
                if (!federated.IsIssuer(subject?.Issuer))
                {
                    context.Fail("The id token's issuer is not the tenant's configured authority, or it names no subject.");
                }

                return Task.CompletedTask;
            },
            OnRemoteFailure = context => FederatedSignInPage.RemoteFailureAsync(context, federated),
        };
    }

    /// <summary>A session renewed after a minute keeps how it was opened (at which tenant's provider), so it keeps its reach.</summary>
    private static Task KeepSignInMethod(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is ClaimsIdentity renewed
            && context.CurrentPrincipal?.FindFirst(ClaimTypes.AuthenticationMethod) is { } method
            && !renewed.HasClaim(c => c.Type == ClaimTypes.AuthenticationMethod))
        {
            renewed.AddClaim(new Claim(ClaimTypes.AuthenticationMethod, method.Value));
        }

        return Task.CompletedTask;
    }
}
