using System.Threading.RateLimiting;

namespace SocialPrescribing.Host.Features.SignIn;

/// <summary>
/// Sign-in attempts per account name (see <see cref="SignInOptions.AttemptsPerAccountPerMinute"/>), whatever address
/// they come from: a slow guesser spread over many addresses is held to the same pace as one. Names are compared
/// case-insensitively, as Identity finds accounts.
/// </summary>
internal sealed class SignInLimiter(SignInOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(name =>
        RateLimitPartition.GetFixedWindowLimiter(name, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.AttemptsPerAccountPerMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Null when the attempt may go ahead; else how long until the next one may.</summary>
    public TimeSpan? TryAcquire(string userName)
    {
        using var lease = _limiter.AttemptAcquire(userName.Trim().ToUpperInvariant());
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();
}
