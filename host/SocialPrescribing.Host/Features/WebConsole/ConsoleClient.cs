using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OpenIddict.Abstractions;
using SocialPrescribing.Accounts;
using SocialPrescribing.Host.Features.Access;

namespace SocialPrescribing.Host.Features.WebConsole;

/// <summary>
/// The console as a client of the host's own OpenID Connect server: a public client (code flow with PKCE, S256) whose
/// redirect addresses are the host's public origin, the origins an operator names (<c>Console:Origins</c>) and, in
/// Development, the addresses the host listens on. Registered (or brought up to date) when the first person is sent
/// to sign in, so an operator never has to create it and a changed address needs only a restart. Addresses never come
/// from a request: a forged Host header must not become a place codes are sent to.
/// </summary>
internal sealed class ConsoleClient(IServiceProvider services, AccessKeyRing keys, IServer server, IWebHostEnvironment environment, IConfiguration configuration) : IDisposable
{
    /// <summary>The console's client id at the host's authorization server.</summary>
    public const string ClientId = "sp-console";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _registered;

    /// <summary>The origins (scheme, host, port) the console may be reached at.</summary>
    public IReadOnlyList<Uri> Origins()
    {
        var origins = new List<Uri> { Origin(keys.Issuer) };
        foreach (var named in configuration.GetSection("Console:Origins").Get<string[]>() ?? [])
        {
            origins.Add(Origin(new Uri(named, UriKind.Absolute)));
        }

        if (AccessFeature.IsDevelopment(environment))
        {
            foreach (var listening in Listening())
            {
                origins.Add(listening);
                if (listening.IsLoopback)
                {
                    // A browser may be pointed at either name of this machine.
                    origins.Add(new UriBuilder(listening) { Host = listening.Host == "localhost" ? "127.0.0.1" : "localhost" }.Uri);
                }
            }
        }

        return [.. origins.Distinct()];
    }

    /// <summary>
    /// Where the host reaches its own token endpoint to redeem a code: <c>Console:Backchannel</c> when set; else, in
    /// Development, the address it listens on; else its public address (which must then be reachable from itself).
    /// </summary>
    public Uri TokenEndpoint()
    {
        var configured = configuration["Console:Backchannel"];
        var root = configured is { Length: > 0 } ? new Uri(configured, UriKind.Absolute)
            : AccessFeature.IsDevelopment(environment) && Listening().FirstOrDefault() is { } listening ? listening
            : keys.Issuer;
        return new Uri(root, "connect/token");
    }

    public async Task EnsureRegisteredAsync(CancellationToken cancellationToken)
    {
        if (_registered)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_registered)
            {
                return;
            }

            var origins = Origins();
            var redirects = origins.Select(o => new Uri(o, ConsoleFeature.SignedInPath.TrimStart('/')).AbsoluteUri).ToArray();
            var signedOut = origins.Select(o => new Uri(o, ConsoleFeature.BasePath.TrimStart('/')).AbsoluteUri).ToArray();
            await using var scope = services.CreateAsyncScope();
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            if (await applications.FindByClientIdAsync(ClientId, cancellationToken) is { } existing)
            {
                var known = await applications.GetRedirectUrisAsync(existing, cancellationToken);
                if (!known.ToHashSet(StringComparer.Ordinal).SetEquals(redirects))
                {
                    var descriptor = new OpenIddictApplicationDescriptor();
                    await applications.PopulateAsync(descriptor, existing, cancellationToken);
                    descriptor.RedirectUris.Clear();
                    descriptor.PostLogoutRedirectUris.Clear();
                    foreach (var uri in redirects)
                    {
                        descriptor.RedirectUris.Add(new Uri(uri));
                    }

                    foreach (var uri in signedOut)
                    {
                        descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
                    }

                    await applications.UpdateAsync(existing, descriptor, cancellationToken);
                }
            }
            else
            {
                var added = await scope.ServiceProvider.GetRequiredService<ClientRegistry>().AddPublicAsync(ClientId, redirects, signedOut, cancellationToken);
                if (!added.Succeeded && await applications.FindByClientIdAsync(ClientId, cancellationToken) is null)
                {
                    throw new InvalidOperationException($"The console's client could not be registered: {added.Error}");
                }
            }

            _registered = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private IEnumerable<Uri> Listening() =>
        (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            .Select(address => Uri.TryCreate(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .Select(Origin)
            .OrderBy(uri => uri.Scheme == Uri.UriSchemeHttps ? 1 : 0);

    private static Uri Origin(Uri uri) => new(uri.GetLeftPart(UriPartial.Authority) + "/");
}
