using System.Text.Json;
using System.Text.RegularExpressions;
using OpenIddict.Abstractions;
using SocialPrescribing.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Accounts;

/// <summary>
/// Systems that get tokens with their own credentials (client credentials): a clinic's EMR sending referrals, a
/// community partner's system. Each belongs to one tenant and holds roles there, like a user.
/// </summary>
public sealed partial class ClientRegistry(IOpenIddictApplicationManager applications)
{
    private const string TenantProperty = "sp_tenant";
    private const string RolesProperty = "sp_roles";

    public async Task<AccountResult> AddAsync(TenantId tenant, string clientId, IReadOnlyList<string> roles, string secret, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (!ClientIdPattern().IsMatch(clientId ?? string.Empty))
        {
            return AccountResult.Fail("--client: 1 to 64 letters, digits and . _ -.");
        }

        if (roles.Count == 0 || roles.Any(role => !AccessRoles.All.Contains(role)))
        {
            return AccountResult.Fail($"--roles: one or more of {string.Join(", ", AccessRoles.All.Order(StringComparer.Ordinal))}.");
        }

        if (string.IsNullOrEmpty(secret) || secret.Length < 24)
        {
            return AccountResult.Fail("--secret: at least 24 characters (e.g. `openssl rand -base64 32`).");
        }

        if (await applications.FindByClientIdAsync(clientId!, cancellationToken) is not null)
        {
            return AccountResult.Fail($"--client: {clientId} exists already; revoke it first to replace it.");
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = clientId,
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.ClientCredentials,
                Permissions.Prefixes.Scope + AccessClaims.ApiScope,
            },
        };
        descriptor.Properties[TenantProperty] = JsonSerializer.SerializeToElement(tenant.Value);
        descriptor.Properties[RolesProperty] = JsonSerializer.SerializeToElement(roles);
        await applications.CreateAsync(descriptor, cancellationToken);
        return AccountResult.Ok();
    }

    /// <summary>
    /// A public client used by people (the console): no secret (it runs in a browser), the authorization code flow
    /// with PKCE to the given redirect URIs, refresh tokens, and sign-out. It holds no tenant or role of its own: its
    /// tokens carry the person's.
    /// </summary>
    public Task<AccountResult> AddPublicAsync(string clientId, IReadOnlyList<string> redirectUris, IReadOnlyList<string> postLogoutRedirectUris, CancellationToken cancellationToken = default) =>
        AddPersonClientAsync(clientId, null, redirectUris, postLogoutRedirectUris, cancellationToken);

    private async Task<AccountResult> AddPersonClientAsync(string clientId, string? secret, IReadOnlyList<string> redirectUris, IReadOnlyList<string> postLogoutRedirectUris, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(redirectUris);
        ArgumentNullException.ThrowIfNull(postLogoutRedirectUris);
        if (!ClientIdPattern().IsMatch(clientId ?? string.Empty))
        {
            return AccountResult.Fail("--client: 1 to 64 letters, digits and . _ -.");
        }

        if (redirectUris.Count == 0)
        {
            return AccountResult.Fail("--redirect-uri: at least one, where the client receives its code (e.g. https://sp.example.org/console/signed-in).");
        }

        if (redirectUris.Concat(postLogoutRedirectUris).FirstOrDefault(uri => !IsRedirectUri(uri)) is { } wrong)
        {
            return AccountResult.Fail($"--redirect-uri: {wrong} is not an absolute https URI (http only for localhost) without a fragment.");
        }

        if (await applications.FindByClientIdAsync(clientId!, cancellationToken) is not null)
        {
            return AccountResult.Fail($"--client: {clientId} exists already; revoke it first to replace it.");
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = secret is null ? ClientTypes.Public : ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = clientId,
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Prefixes.Scope + AccessClaims.ApiScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in redirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }

        foreach (var uri in postLogoutRedirectUris)
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        }

        await applications.CreateAsync(descriptor, cancellationToken);
        return AccountResult.Ok();
    }

    /// <summary>
    /// A confidential web application people sign in to through this host (another program's site that trusts this
    /// host as its OpenID Connect provider): a secret, the authorization code flow with PKCE to the given redirect URIs,
    /// and sign-out. Like a public client it holds no tenant or role: its tokens carry the person's.
    /// </summary>
    public async Task<AccountResult> AddWebAsync(string clientId, string secret, IReadOnlyList<string> redirectUris, IReadOnlyList<string> postLogoutRedirectUris, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < 24)
        {
            return AccountResult.Fail("--secret: at least 24 characters (e.g. `openssl rand -base64 32`).");
        }

        return await AddPersonClientAsync(clientId, secret, redirectUris, postLogoutRedirectUris, cancellationToken);
    }

    /// <summary>
    /// The clients people sign in through and where each may send people back to: <c>public</c> (a console in a
    /// browser, no secret) or <c>web</c> (a confidential web application with a secret).
    /// </summary>
    public async Task<IReadOnlyList<(string ClientId, string Kind, IReadOnlyList<string> RedirectUris)>> ListPersonClientsAsync(CancellationToken cancellationToken = default)
    {
        var clients = new List<(string, string, IReadOnlyList<string>)>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            if (await applications.HasPermissionAsync(application, Permissions.GrantTypes.AuthorizationCode, cancellationToken))
            {
                var uris = await applications.GetRedirectUrisAsync(application, cancellationToken);
                var kind = await applications.HasClientTypeAsync(application, ClientTypes.Confidential, cancellationToken) ? "web" : "public";
                clients.Add(((await applications.GetClientIdAsync(application, cancellationToken))!, kind, [.. uris]));
            }
        }

        return [.. clients.OrderBy(c => c.Item1, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<ClientSummary>> ListAsync(TenantId? tenant, CancellationToken cancellationToken = default)
    {
        var clients = new List<ClientSummary>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            if (await DescribeAsync(application, cancellationToken) is { } client && (tenant is null || client.Tenant == tenant.Value.Value))
            {
                clients.Add(client);
            }
        }

        return [.. clients.OrderBy(c => c.Tenant, StringComparer.Ordinal).ThenBy(c => c.ClientId, StringComparer.Ordinal)];
    }

    /// <summary>Deletes the client: it gets no new token (one already issued lapses within its short lifetime).</summary>
    public async Task<AccountResult> RevokeAsync(string clientId, CancellationToken cancellationToken = default)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            return AccountResult.Fail($"--client: no client named {clientId}.");
        }

        await applications.DeleteAsync(application, cancellationToken);
        return AccountResult.Ok();
    }

    /// <summary>The tenant and roles of a registered client; null for an application the host did not register this way.</summary>
    public async Task<ClientSummary?> FindAsync(string clientId, CancellationToken cancellationToken = default)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        return application is null ? null : await DescribeAsync(application, cancellationToken);
    }

    private async Task<ClientSummary?> DescribeAsync(object application, CancellationToken cancellationToken)
    {
        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        if (!properties.TryGetValue(TenantProperty, out var tenant) || !properties.TryGetValue(RolesProperty, out var roles))
        {
            return null;
        }

        var clientId = await applications.GetClientIdAsync(application, cancellationToken);
        return new ClientSummary(clientId!, tenant.GetString()!, [.. roles.EnumerateArray().Select(r => r.GetString()!)]);
    }

    private static bool IsRedirectUri(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && string.IsNullOrEmpty(uri.Fragment)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex ClientIdPattern();
}
