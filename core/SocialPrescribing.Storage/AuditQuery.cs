namespace SocialPrescribing.Storage;

/// <summary>
/// Which of a tenant's audit entries to list, oldest first (ascending sequence). Every filter left null matches
/// everything. Page either by <see cref="Page"/> (from 1) or, for long walks such as an export, by
/// <see cref="AfterSequence"/> set to the last sequence already read: later appends never shift either.
/// </summary>
public sealed record AuditQuery
{
    /// <summary>The most entries a page may hold.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Only entries about this person's record.</summary>
    public Guid? JourneyId { get; init; }

    /// <summary>Only entries of this actor (exact match).</summary>
    public string? Actor { get; init; }

    /// <summary>Only entries at or after this time (inclusive). Kept, as entry times are, to the microsecond (rounded up).</summary>
    public DateTimeOffset? From { get; init => field = value is { } at ? AuditText.Ceiling(at) : null; }

    /// <summary>
    /// Only entries before this time (exclusive), so consecutive ranges never overlap. Kept, as entry times are, to the
    /// microsecond (rounded up).
    /// </summary>
    public DateTimeOffset? To { get; init => field = value is { } at ? AuditText.Ceiling(at) : null; }

    /// <summary>Only entries of this category.</summary>
    public string? Category { get; init; }

    /// <summary>Only entries with this outcome.</summary>
    public string? Outcome { get; init; }

    /// <summary>Only entries of accesses made in an emergency (break-glass): those that carry its reason.</summary>
    public bool EmergencyOnly { get; init; }

    /// <summary>Only entries with a higher sequence; 0 (the default) for all.</summary>
    public long AfterSequence { get; init; }

    /// <summary>The page, counting from 1, of the entries that remain after <see cref="AfterSequence"/>.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Entries per page, 1 to <see cref="MaxPageSize"/>; default 100.</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when the paging is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Page, 1, nameof(Page));
        ArgumentOutOfRangeException.ThrowIfLessThan(PageSize, 1, nameof(PageSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(PageSize, MaxPageSize, nameof(PageSize));
        ArgumentOutOfRangeException.ThrowIfNegative(AfterSequence, nameof(AfterSequence));
    }
}
