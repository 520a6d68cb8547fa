using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Caching.Memory;

namespace SocialPrescribing.Host.Features.Access;

/// <summary>
/// Tokens already checked, until they expire: a client sends the same token with every request for its lifetime, and
/// checking its RSA signature and claims again each time costs more than the rest of a small request. The key is the
/// whole token, so only the identical string is taken as checked; nothing outlives the token's own expiry.
/// </summary>
internal sealed class ValidatedTokenCache : IDisposable
{
    private const int Capacity = 20_000;
    private readonly MemoryCache _tokens = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public JwtBearerEvents Events => new()
    {
        OnMessageReceived = context =>
        {
            if (Bearer(context.Request) is { } token && _tokens.TryGetValue(token, out ClaimsPrincipal? principal) && principal is not null)
            {
                context.Principal = principal;
                context.Success();
            }

            return Task.CompletedTask;
        },
        OnTokenValidated = context =>
        {
            if (Bearer(context.Request) is { } token && context.Principal is { } principal)
            {
                _tokens.Set(token, principal, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = context.SecurityToken.ValidTo });
            }

            return Task.CompletedTask;
        },
    };

    public void Dispose() => _tokens.Dispose();

    private static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }
}
