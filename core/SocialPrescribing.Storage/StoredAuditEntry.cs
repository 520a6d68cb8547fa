namespace SocialPrescribing.Storage;

/// <summary>
/// An <see cref="AuditEntry"/> as stored: its place in its tenant's chain (1, 2, 3… without gaps), the hash of the
/// entry before it (<see cref="AuditChain.Genesis"/> for the first) and its own hash, both lower-case hex SHA-256.
/// </summary>
public sealed record StoredAuditEntry(AuditEntry Entry, long Sequence, string PreviousHash, string Hash);
