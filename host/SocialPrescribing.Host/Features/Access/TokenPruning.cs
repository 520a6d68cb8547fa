using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace SocialPrescribing.Host.Features.Access;

/// <summary>
/// Keeps the token store from growing with every sign-in: every <see cref="AccessOptions.TokenPruningInterval"/> it
/// removes the codes and tokens that are spent, revoked or expired, and the sign-ins (authorizations) left with none,
/// once they are older than a refresh token's lifetime — until then a spent refresh token is kept, so presenting it
/// again is still recognised as reuse and revokes what was issued after it. Every host of a cluster may run it: a
/// removal is the same whoever makes it.
/// </summary>
internal sealed partial class TokenPruning(IServiceProvider services, IOptions<AccessOptions> options, ILogger<TokenPruning> logger) : BackgroundService
{
    /// <summary>Removes what is older than <paramref name="threshold"/>; the numbers of tokens and authorizations removed.</summary>
    public async Task<(long Tokens, long Authorizations)> PruneAsync(DateTimeOffset threshold, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, cancellationToken);
        var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, cancellationToken);
        return (tokens, authorizations);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TokenPruningInterval, TimeProvider.System);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var (tokens, authorizations) = await PruneAsync(TimeProvider.System.GetUtcNow() - options.Value.RefreshTokenLifetime, stoppingToken);
                Pruned(logger, tokens, authorizations);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The store may be briefly unreachable; the next round tries again.
                Failed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 5020, Level = LogLevel.Information, Message = "Token store pruned: {Tokens} tokens and {Authorizations} sign-ins removed.")]
    private static partial void Pruned(ILogger logger, long tokens, long authorizations);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Warning, Message = "Pruning the token store failed; it is tried again at the next interval.")]
    private static partial void Failed(ILogger logger, Exception exception);
}
