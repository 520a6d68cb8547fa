using SocialPrescribing.Application.Access;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using SocialPrescribing.Accounts;
using SocialPrescribing.Host.Features.Audit;
using SocialPrescribing.Host.Hosting;
using SocialPrescribing.Storage.Postgres;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SocialPrescribing.Host.Features.Access;

/// <summary>
/// Sign-in and tokens: built-in accounts (ASP.NET Core Identity) and client applications (OpenIddict) in the
/// storage engine's database, the OAuth token endpoint, and bearer-token checks on every API request.
/// </summary>
internal static class AccessFeature
{
    public static WebApplicationBuilder AddAccess(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Access");
        builder.Services.Configure<AccessOptions>(section);
        var options = section.Get<AccessOptions>() ?? new AccessOptions();
        var development = IsDevelopment(builder.Environment);
        var keyFolder = Path.Combine(builder.Configuration["Storage:DataDirectory"] ?? "data", "keys");
        // Read when first needed (serving, or the token command), so commands such as migrate or users add run on a
        // machine without the keys; AccessKeyCheck makes a host that would serve without them refuse to start.
        builder.Services.AddSingleton(_ => new AccessKeyRing(
            options.Issuer ?? (development ? AccessClaims.DevelopmentIssuer : throw new InvalidOperationException("Access:Issuer is not set: name the host's public address (e.g. https://sp.example.org/), which every token carries.")),
            AccessKeys.Load(options.SigningKeyPath, Path.Combine(keyFolder, "signing-key.pem"), development, "Access:SigningKeyPath"),
            AccessKeys.Load(options.EncryptionKeyPath, Path.Combine(keyFolder, "encryption-key.pem"), development, "Access:EncryptionKeyPath"),
            options.AccessTokenLifetime));
        builder.Services.AddHostedService<AccessKeyCheck>();
        builder.Services.AddSingleton<TokenPruning>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TokenPruning>());
        builder.Services.AddSingleton<AccessTokenIssuer>();

        AddAccountStorage(builder);
        builder.Services.AddIdentityCore<UserAccount>(identity =>
            {
                identity.Password.RequiredLength = 12;
                identity.Password.RequireNonAlphanumeric = false;
                identity.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._@-";
            })
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.ProviderName)
            .AddSignInManager<AccountSignInManager>();
        builder.Services.AddScoped<UserDirectory>();
        builder.Services.AddScoped<IRoleHolders, AccountRoleHolders>();
        builder.Services.AddScoped<ClientRegistry>();

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<AccountsDbContext>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris("connect/token");
                server.SetAuthorizationEndpointUris("connect/authorize");
                server.SetEndSessionEndpointUris("connect/logout");
                server.AllowClientCredentialsFlow();
                // People sign in with the code flow and PKCE (S256 only: "plain" shows the verifier to whoever sees
                // the request); systems with their credentials. Refresh tokens roll: each works once.
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.AllowRefreshTokenFlow();
                server.Configure(server =>
                {
                    server.CodeChallengeMethods.Clear();
                    server.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
                });
                // A refresh does not push the end of the session further: the person signs in again after the lifetime.
                server.SetRefreshTokenLifetime(options.RefreshTokenLifetime).DisableSlidingRefreshTokenExpiration();
                server.SetRefreshTokenReuseLeeway(options.RefreshTokenReuseLeeway > TimeSpan.Zero ? options.RefreshTokenReuseLeeway : null);
                server.RegisterScopes(AccessClaims.ApiScope, Scopes.OpenId, Scopes.OfflineAccess);
                // Access tokens are signed JWTs (RFC 9068) that a partner's resource server can check with the
                // published keys; codes and refresh tokens stay encrypted.
                server.DisableAccessTokenEncryption();
                server.SetAccessTokenLifetime(options.AccessTokenLifetime);
                var aspNetCore = server.UseAspNetCore()
                    .EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (development)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });

        builder.Services.AddOptions<OpenIddictServerOptions>().Configure<AccessKeyRing>((server, keys) =>
        {
            server.Issuer = keys.Issuer;
            // Token lifetimes follow the real clock, not the domain's (which tests move).
            server.TimeProvider = TimeProvider.System;
            server.SigningCredentials.Add(new SigningCredentials(keys.Signing, SecurityAlgorithms.RsaSha256));
            server.EncryptionCredentials.Add(new EncryptingCredentials(keys.Encryption, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
        });
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider, ApiRequestSchemes>();
        builder.Services.AddSingleton<ValidatedTokenCache>();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<AccessKeyRing, ValidatedTokenCache>((bearer, keys, checkedTokens) =>
            {
                bearer.Events = checkedTokens.Events;
                bearer.MapInboundClaims = false;
                bearer.RequireHttpsMetadata = false;
                bearer.TimeProvider = TimeProvider.System;
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = keys.Issuer.AbsoluteUri,
                    ValidAudience = AccessClaims.ApiAudience,
                    IssuerSigningKey = keys.Signing,
                    ValidTypes = [AccessClaims.JwtType],
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                    NameClaimType = AccessClaims.Name,
                    RoleClaimType = AccessClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        builder.Services.AddAuthorization(AccessPolicies.Configure);
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, PublicDirectoryHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, DeniedRequestAudit>();
        return builder;
    }

    public static WebApplication UseAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication, so limits can be kept per caller.
        app.UseRateLimiter();
        return app;
    }

    public static IEndpointRouteBuilder MapAccess(this IEndpointRouteBuilder app)
    {
        // Open by nature: OpenIddict has checked the client (and the code or refresh token) before these run.
        app.MapPost("/connect/token", TokenEndpoint.ExchangeAsync)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Development and the test suite's Testing environment: keys made on first use, demo accounts, the token command.</summary>
    public static bool IsDevelopment(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    private static void AddAccountStorage(WebApplicationBuilder builder)
    {
        var (provider, connectionString) = StorageOptions.Resolve(builder.Configuration);
        var storage = builder.Configuration.GetSection("Storage");
        if (provider == StorageOptions.Postgres)
        {
            var schema = (storage.Get<StorageOptions>() ?? new StorageOptions()).Schema + "_accounts";
            builder.Services.AddSingleton(new AccountsSchemaName(schema));
            builder.Services.AddDbContext<AccountsDbContext>(db => db.UseNpgsql(connectionString));
            var atStartUp = storage.GetValue(nameof(PostgresStorageOptions.MigrateOnFirstUse), true);
            var owner = StorageOptions.OwnerConnectionString(builder.Configuration);
            builder.Services.AddSingleton(sp => new SchemaMigration("accounts", owner is null
                ? cancellationToken => CreateSchemaAsync(sp, cancellationToken)
                : cancellationToken => CreateSchemaAsOwnerAsync(owner, connectionString!, sp.GetRequiredService<AccountsSchemaName>(), cancellationToken), atStartUp));
        }
        else
        {
            var folder = Path.GetFullPath(storage["DataDirectory"] ?? "data");
            builder.Services.AddSingleton(new AccountsSchemaName(null));
            builder.Services.AddDbContext<AccountsDbContext>(db => db.UseSqlite($"Data Source={Path.Combine(folder, "accounts.db")}"));
            builder.Services.AddSingleton(sp => new SchemaMigration("accounts", cancellationToken =>
            {
                Directory.CreateDirectory(folder);
                return CreateSchemaAsync(sp, cancellationToken);
            }, AtStartUp: true));
        }

        if (IsDevelopment(builder.Environment))
        {
            builder.Services.AddSingleton(sp => new SchemaMigration("demo accounts", cancellationToken => DemoAccounts.EnsureAsync(sp, cancellationToken), AtStartUp: true));
        }
    }

    /// <summary>
    /// The account tables created by the owner (<c>ConnectionStrings:PostgresOwner</c>), which grants the application's
    /// role their rows. No row-level security here: an account may hold roles in several tenants and is found by its
    /// name before any tenant is known, so every sign-in would have to read across tenants.
    /// </summary>
    private static async Task CreateSchemaAsOwnerAsync(string owner, string application, AccountsSchemaName schema, CancellationToken cancellationToken)
    {
        var options = new DbContextOptionsBuilder<AccountsDbContext>().UseNpgsql(owner).Options;
        await using (var db = new AccountsDbContext(options, schema))
        {
            await AccountsSchema.CreateAsync(db, cancellationToken);
        }

        await PostgresApplicationGrants.GrantSchemaAsync(owner, application, schema.Value!, cancellationToken);
    }

    private static async Task CreateSchemaAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await AccountsSchema.CreateAsync(scope.ServiceProvider.GetRequiredService<AccountsDbContext>(), cancellationToken);
    }
}
