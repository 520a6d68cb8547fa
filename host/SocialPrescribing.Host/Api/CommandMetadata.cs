namespace SocialPrescribing.Host.Api;

/// <summary>
/// What every command carries besides its body: its id (from the Idempotency-Key when given), who sent
/// it, and the tenant's calendar date, against which dates in the body are checked.
/// </summary>
internal sealed record CommandMetadata(Guid CommandId, string Actor, DateOnly Today);
