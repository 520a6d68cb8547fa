using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialPrescribing.Accounts;
using SocialPrescribing.Host.Features.Access;

namespace SocialPrescribing.Host.Features.SignIn;

/// <summary>
/// How people sign in: the authorization endpoint (code + PKCE) and end session, and the host's own plain HTML pages
/// for them — sign-in, second factor and its set-up, choosing a tenant, password reset, accepting an invitation — in
/// English and French. The pages are minimal-API handlers writing HTML through <see cref="Html"/>, which encodes
/// every value it is given: six small forms need neither MVC nor a component model, and the console that comes
/// later (Blazor static SSR) can take them over without a second set of conventions to unlearn.
/// </summary>
internal static class SignInFeature
{
    public static WebApplicationBuilder AddSignIn(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("SignIn");
        var options = section.Get<SignInOptions>() ?? new SignInOptions();
        builder.Services.Configure<SignInOptions>(section);
        builder.Services.AddSingleton(options);
        var development = AccessFeature.IsDevelopment(builder.Environment);
        var data = builder.Configuration["Storage:DataDirectory"] ?? "data";

        builder.Services.Configure<IdentityOptions>(identity =>
        {
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = Math.Max(1, options.MaxFailedAttempts);
            identity.Lockout.DefaultLockoutTimeSpan = options.LockoutDuration;
        });
        builder.Services.Configure<DataProtectionTokenProviderOptions>(reset => reset.TokenLifespan = options.PasswordResetLifetime);
        builder.Services.Configure<InvitationTokenProviderOptions>(invitation => invitation.TokenLifespan = options.InvitationLifetime);
        // Cookies, antiforgery tokens and one-time codes are protected with these keys: kept with the data, so they
        // survive a restart, and shared by every host of a cluster that shares the folder.
        builder.Services.AddDataProtection()
            .SetApplicationName("social-prescribing")
            .PersistKeysToFileSystem(new DirectoryInfo(options.DataProtectionKeysPath ?? Path.Combine(data, "keys", "data-protection")));

        var cookies = builder.Services.AddAuthentication().AddIdentityCookies();
        cookies.ApplicationCookie!.Configure(session =>
        {
            session.Cookie.Name = "sp.session";
            session.ExpireTimeSpan = options.SessionLifetime;
            session.SlidingExpiration = true;
            session.LoginPath = SignInPage.Path;
        });
        cookies.TwoFactorUserIdCookie!.Configure(pending => pending.Cookie.Name = "sp.second-factor");
        builder.Services.ConfigureAll<CookieAuthenticationOptions>(cookie =>
        {
            // Sessions follow the real clock, as tokens do, not the domain's (which tests move).
            cookie.TimeProvider = TimeProvider.System;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        builder.Services.Configure<SecurityStampValidatorOptions>(stamp =>
        {
            // A disabled account or a changed password ends other sessions within a minute.
            stamp.ValidationInterval = TimeSpan.FromMinutes(1);
            stamp.TimeProvider = TimeProvider.System;
        });
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "sp.antiforgery";
            antiforgery.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            // The front door sends X-Frame-Options: DENY already.
            antiforgery.SuppressXFrameOptionsHeader = true;
        });

        // Defaults another feature (the audit log, an e-mail sender) replaces by registering its own.
        builder.Services.TryAddSingleton<ISignInEvents, LoggingSignInEvents>();
        builder.Services.TryAddSingleton<IAccountLinkSender>(sp => new AccountLinkOutbox(
            options.LinkFolder ?? Path.Combine(data, "outbox", "account-links"),
            sp.GetRequiredService<ILogger<AccountLinkOutbox>>()));
        builder.Services.AddSingleton<SignInLimiter>();
        builder.Services.AddScoped<SignInFlow>();
        builder.Services.AddScoped<AccountLinks>();
        builder.Services.AddScoped<TenantInvitations>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        // Open by nature: these are how a person without a token comes to have one. Each page checks the session
        // itself where it needs one (second factor, set-up, tenant choice), and every form its antiforgery token.
        string[] getAndPost = [HttpMethods.Get, HttpMethods.Post];
        app.MapMethods(ReturnUrl.Authorize, getAndPost, AuthorizeEndpoint.HandleAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapMethods("/connect/logout", getAndPost, AuthorizeEndpoint.EndSessionAsync).AllowAnonymous().ExcludeFromDescription();

        var pages = app.MapGroup(string.Empty).AllowAnonymous().ExcludeFromDescription().AddEndpointFilter(AsSessionUserAsync);
        pages.MapGet(ReturnUrl.Account, AccountHomePage.GetAsync);
        pages.MapPost(AccountHomePage.SignOutPath, AccountHomePage.SignOutAsync);
        pages.MapGet(AccountHomePage.SignedOutPath, AccountHomePage.SignedOut);
        MapPage(pages, SignInPage.Path, SignInPage.Get, SignInPage.PostAsync);
        MapPage(pages, TwoFactorPage.Path, TwoFactorPage.GetAsync, TwoFactorPage.PostAsync);
        MapPage(pages, TwoFactorSetupPage.Path, TwoFactorSetupPage.GetAsync, TwoFactorSetupPage.PostAsync);
        MapPage(pages, TenantChoicePage.Path, TenantChoicePage.GetAsync, TenantChoicePage.PostAsync);
        MapPage(pages, ForgotPasswordPage.Path, ForgotPasswordPage.Get, ForgotPasswordPage.PostAsync);
        MapPage(
            pages,
            ChoosePasswordPage.ResetPath,
            (HttpContext http) => ChoosePasswordPage.Get(http, invitation: false),
            (HttpContext http, SignInFlow flow) => ChoosePasswordPage.PostAsync(http, invitation: false, flow.Directory.ResetPasswordAsync));
        MapPage(
            pages,
            ChoosePasswordPage.InvitationPath,
            (HttpContext http) => ChoosePasswordPage.Get(http, invitation: true),
            (HttpContext http, SignInFlow flow) => ChoosePasswordPage.PostAsync(http, invitation: true, flow.Directory.AcceptInvitationAsync));
        return app;
    }

    /// <summary>A page: its form on GET, what its form does on POST.</summary>
    private static void MapPage(RouteGroupBuilder pages, string path, Delegate get, Delegate post)
    {
        pages.MapGet(path, get);
        pages.MapPost(path, post);
    }

    /// <summary>
    /// Account pages act as the person signed in to the host's session (anonymous without one), as Identity does once
    /// it signs someone in mid-request: antiforgery tokens are bound to that person, so a form rendered right after
    /// a sign-in or a renewed session still validates when posted.
    /// </summary>
    private static async ValueTask<object?> AsSessionUserAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var session = await context.HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (session.Succeeded)
        {
            context.HttpContext.User = session.Principal;
        }

        return await next(context);
    }
}
