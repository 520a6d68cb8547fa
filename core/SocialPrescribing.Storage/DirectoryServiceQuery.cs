namespace SocialPrescribing.Storage;

/// <summary>
/// Which of a tenant's services to list: those changed in this directory after <see cref="ModifiedAfter"/>, of one
/// organization, whose words hold every word of <see cref="Search"/> (see <see cref="DirectorySearchText"/>), a page
/// of <see cref="PerPage"/> (1 to 1,000) from page 1; with a term of a taxonomy (<see cref="TaxonomyTermId"/>), or any
/// term of one taxonomy (<see cref="TaxonomyId"/>); delivered at a location within <see cref="Near"/>.
/// </summary>
public sealed record DirectoryServiceQuery(
    int Page = 1,
    int PerPage = 50,
    DateTimeOffset? ModifiedAfter = null,
    Guid? OrganizationId = null,
    string? Search = null,
    Guid? TaxonomyTermId = null,
    Guid? TaxonomyId = null,
    DirectoryArea? Near = null)
{
    /// <summary>The longest search the store reads.</summary>
    public const int MaxSearchLength = 500;

    public const int MaxPerPage = 1_000;

    public void Validate()
    {
        if (Page < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Page), Page, "Pages start at 1.");
        }

        if (PerPage is < 1 or > MaxPerPage)
        {
            throw new ArgumentOutOfRangeException(nameof(PerPage), PerPage, $"A page holds 1 to {MaxPerPage} services.");
        }

        if (Search is { Length: > MaxSearchLength })
        {
            throw new ArgumentOutOfRangeException(nameof(Search), Search.Length, $"A search is at most {MaxSearchLength} characters.");
        }

        Near?.Validate();
    }
}
