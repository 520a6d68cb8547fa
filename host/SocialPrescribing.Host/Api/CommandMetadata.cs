namespace SocialPrescribing.Host.Api;

/// <summary>What every command carries besides its body: its id (from the Idempotency-Key when given) and who sent it.</summary>
internal sealed record CommandMetadata(Guid CommandId, string Actor);
