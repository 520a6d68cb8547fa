using System.Threading.RateLimiting;

namespace SocialPrescribing.Host.Features.Edge;

/// <summary>The limiter of token requests per source address (see <see cref="EdgeOptions.TokenRequestsPerMinute"/>).</summary>
internal sealed record TokenRequestLimiter(PartitionedRateLimiter<HttpContext> Limiter);
