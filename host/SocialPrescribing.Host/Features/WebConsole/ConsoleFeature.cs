using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using SocialPrescribing.Accounts;
using SocialPrescribing.Host.Features.Access;
using SocialPrescribing.Host.Features.Documents;

namespace SocialPrescribing.Host.Features.WebConsole;

/// <summary>
/// The web console: Blazor components rendered on the server (static rendering, plain forms, no script), under
/// <c>/console</c>, signed in through the host's own OpenID Connect server with the code flow and PKCE like any other
/// client. The console's session holds the access token the server issued, and each page acts as that token's
/// caller through the application core — the same policies, the same audit as the API, no second path to the data.
/// </summary>
internal static class ConsoleFeature
{
    public const string BasePath = "/console";
    public const string SignedInPath = BasePath + "/signed-in";
    public const string SignOutPath = BasePath + "/sign-out";
    public const string DeniedPath = BasePath + "/denied";
    public const string StylesPath = BasePath + "/console.css";

    /// <summary>The console's session cookie.</summary>
    public const string Scheme = "console";

    /// <summary>How the console signs people in: the host's own authorization server.</summary>
    public const string SignInScheme = "console-sign-in";

    public static WebApplicationBuilder AddConsole(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddSingleton<ConsoleClient>();
        builder.Services.AddSingleton<ConsoleStyles>();
        builder.Services.AddScoped<ConsolePage>();
        builder.Services.AddScoped<ConsoleCommands>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddLocalization();
        var development = AccessFeature.IsDevelopment(builder.Environment);
        builder.Services.AddAuthentication()
            .AddCookie(Scheme, cookie =>
            {
                cookie.Cookie.Name = "sp.console";
                cookie.Cookie.Path = BasePath;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                // The session ends when its access token does; the next page asks the host again, which answers at
                // once while the person's sign-in session lasts.
                cookie.SlidingExpiration = false;
                cookie.ForwardChallenge = SignInScheme;
                cookie.AccessDeniedPath = DeniedPath;
            })
            .AddOpenIdConnect(SignInScheme, _ => { });

        builder.Services.AddOptions<OpenIdConnectOptions>(SignInScheme).Configure<AccessKeyRing, ConsoleClient>((oidc, keys, client) =>
        {
            oidc.ClientId = ConsoleClient.ClientId;
            oidc.SignInScheme = Scheme;
            oidc.ResponseType = OpenIdConnectResponseType.Code;
            // The code comes back in the address, not a cross-site form post, so the correlation cookies can stay Lax.
            oidc.ResponseMode = OpenIdConnectResponseMode.Query;
            oidc.UsePkce = true;
            oidc.CallbackPath = SignedInPath;
            oidc.SaveTokens = true;
            oidc.MapInboundClaims = false;
            oidc.GetClaimsFromUserInfoEndpoint = false;
            oidc.TimeProvider = TimeProvider.System;
            oidc.Scope.Clear();
            oidc.Scope.Add(OpenIdConnectScope.OpenId);
            oidc.Scope.Add(AccessClaims.ApiScope);
            oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
            oidc.NonceCookie.SameSite = SameSiteMode.Lax;
            oidc.CorrelationCookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            oidc.NonceCookie.SecurePolicy = oidc.CorrelationCookie.SecurePolicy;
            oidc.Configuration = new OpenIdConnectConfiguration
            {
                Issuer = keys.Issuer.AbsoluteUri,
                AuthorizationEndpoint = new Uri(keys.Issuer, "connect/authorize").AbsoluteUri,
                TokenEndpoint = new Uri(keys.Issuer, "connect/token").AbsoluteUri,
                EndSessionEndpoint = new Uri(keys.Issuer, "connect/logout").AbsoluteUri,
            };
            oidc.Configuration.SigningKeys.Add(keys.Signing);
            oidc.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = keys.Issuer.AbsoluteUri,
                ValidAudience = ConsoleClient.ClientId,
                IssuerSigningKey = keys.Signing,
                NameClaimType = AccessClaims.Name,
                RoleClaimType = AccessClaims.Role,
            };
            oidc.Events = new OpenIdConnectEvents
            {
                OnRedirectToIdentityProvider = async context =>
                {
                    await client.EnsureRegisteredAsync(context.HttpContext.RequestAborted);
                    // The browser stays on the origin it came from (the host's own pages sign it in), and the pages
                    // speak the console's language.
                    var request = context.Request;
                    context.ProtocolMessage.IssuerAddress = $"{request.Scheme}://{request.Host}{request.PathBase}/connect/authorize";
                    context.ProtocolMessage.UiLocales = ConsoleLanguage.Current.Lang;
                },
                OnAuthorizationCodeReceived = context =>
                {
                    context.TokenEndpointRequest!.TokenEndpoint = client.TokenEndpoint().AbsoluteUri;
                    return Task.CompletedTask;
                },
                OnTokenValidated = context => TakeAccessTokenAsync(context),
                OnRemoteFailure = context =>
                {
                    // A refused or broken sign-in (the person cancelled, a stale link): back to the start, not an error page.
                    context.HandleResponse();
                    context.Response.Redirect(DeniedPath + "?signIn=failed");
                    return Task.CompletedTask;
                },
            };
        });
        return builder;
    }

    /// <summary>
    /// The console acts as the access token's caller: the person's tenant and roles there, checked with exactly the
    /// bearer rules the API applies, and the session lasts no longer than that token.
    /// </summary>
    private static async Task TakeAccessTokenAsync(Microsoft.AspNetCore.Authentication.OpenIdConnect.TokenValidatedContext context)
    {
        var token = context.TokenEndpointResponse?.AccessToken;
        var bearer = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        var result = token is null ? null : await new JsonWebTokenHandler().ValidateTokenAsync(token, bearer.TokenValidationParameters);
        if (result is not { IsValid: true, ClaimsIdentity: { } identity, SecurityToken: { } validated })
        {
            context.Fail("The access token the host issued did not validate.");
            return;
        }

        context.Principal = new ClaimsPrincipal(identity);
        context.Properties!.IsPersistent = false;
        context.Properties.ExpiresUtc = validated.ValidTo;
    }

    /// <summary>Before sign-in: the console's language is known when a page sends the browser to sign in, so the sign-in pages speak it too.</summary>
    public static WebApplication UseConsoleLanguage(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments(BasePath, StringComparison.Ordinal), console => console.Use(ConsoleLanguage.ApplyAsync));
        return app;
    }

    /// <summary>After sign-in and authorization: the antiforgery check of the console's forms, bound to the signed-in person.</summary>
    public static WebApplication UseConsole(this WebApplication app)
    {
        app.UseAntiforgery();
        return app;
    }

    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect(BasePath)).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(StylesPath, (ConsoleStyles styles, HttpContext http) => styles.Serve(http)).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(SignOutPath, SignOutAsync).RequireAuthorization(SessionPolicy).ExcludeFromDescription();
        app.MapGet(BasePath + "/journeys/{journeyId:guid}/documents/{template}", DocumentAsync)
            .RequireAuthorization(new AuthorizeAttribute(AccessPolicies.Clinical) { AuthenticationSchemes = Scheme })
            .ExcludeFromDescription();
        var oversight = new AuthorizeAttribute(AccessPolicies.Oversight) { AuthenticationSchemes = Scheme };
        app.MapGet(ReportExports.PrintPath, ReportExports.PrintAsync).RequireAuthorization(oversight).ExcludeFromDescription();
        app.MapGet(ReportExports.CsvPath, ReportExports.CsvAsync).RequireAuthorization(oversight).ExcludeFromDescription();
        app.MapRazorComponents<ConsoleApp>()
            .RequireAuthorization(SessionPolicy)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>A printable page of its own (a document, a report): its own inline styles, no script, no form, never framed.</summary>
    public const string PrintablePolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>What every console page requires at least: a console session of a member of the tenant (pages add their role).</summary>
    public static readonly AuthorizeAttribute SessionPolicy = new(AccessPolicies.Member) { AuthenticationSchemes = Scheme };

    /// <summary>Ends the console's session, then the host's (which revokes the person's refresh tokens) at its end-session endpoint.</summary>
    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.Redirect(BasePath);
        }

        await http.SignOutAsync(Scheme);
        return Results.Redirect("/connect/logout?ui_locales=" + ConsoleLanguage.Current.Lang);
    }

    /// <summary>
    /// A journey's document as the API renders it (the same audited read), to preview and print from the console. The
    /// document is a page of its own, with its own styles, so its content security policy allows them (and no script).
    /// </summary>
    private static async Task<IResult> DocumentAsync(HttpContext http, Guid journeyId, string template, string? lang, JourneyDocuments documents, ConsolePage page)
    {
        var language = lang is "en" or "fr" ? lang : null;
        var (html, refusal) = await documents.RenderAsync(page.RequiredCaller, page.Tenant!, journeyId, template, language, http.RequestAborted);
        http.Response.Headers.ContentSecurityPolicy = PrintablePolicy;
        return refusal is null
            ? Results.Content(html!, "text/html; charset=utf-8")
            : Results.NotFound();
    }

    /// <summary>The culture of the console's language (dates and numbers as Canadians write them in it).</summary>
    public static CultureInfo Culture(string lang) => CultureInfo.GetCultureInfo(lang == "fr" ? "fr-CA" : "en-CA");
}
