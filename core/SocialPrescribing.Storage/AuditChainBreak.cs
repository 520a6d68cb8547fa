namespace SocialPrescribing.Storage;

/// <summary>Why a tenant's audit chain failed verification.</summary>
public enum AuditChainBreak
{
    /// <summary>The entry's fields no longer match its hash: it was changed after it was written.</summary>
    Changed,

    /// <summary>Entries are missing: a gap in the sequence, or entries gone from the end of the chain.</summary>
    Removed,

    /// <summary>The entry is intact but sits at a sequence other than the one it was written at.</summary>
    Reordered,

    /// <summary>
    /// The entry is intact but does not name the hash of the entry before it (which was changed and hashed again, or
    /// replaced), or the chain's recorded head does not match its last entry.
    /// </summary>
    BrokenLink,
}
