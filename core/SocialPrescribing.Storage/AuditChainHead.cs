namespace SocialPrescribing.Storage;

/// <summary>The last entry of a tenant's chain: its sequence and hash (0 and <see cref="AuditChain.Genesis"/> when empty).</summary>
public readonly record struct AuditChainHead(long Sequence, string Hash)
{
    /// <summary>The head of a chain with no entries.</summary>
    public static AuditChainHead Empty { get; } = new(0, AuditChain.Genesis);
}
