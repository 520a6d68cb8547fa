using SocialPrescribing.Storage;
using SocialPrescribing.CommunityDirectory.Import;

namespace SocialPrescribing.Application.CommunityDirectory;

/// <summary>
/// What an import did: how many records it received, how many services it added, changed and found unchanged, and
/// every record it left out with the field and the reason (a record at fault in several fields has several).
/// </summary>
public sealed record DirectoryImportReport(int Received, int Imported, int Updated, int Unchanged, IReadOnlyList<DirectoryRejection> Rejections)
{
    /// <summary>How many records were left out.</summary>
    public int Rejected => Rejections.Select(r => r.Index).Distinct().Count();

    /// <summary>What the import did to the organizations, taxonomies and taxonomy terms its services nest.</summary>
    public DirectoryUpsert Related { get; init; } = DirectoryUpsert.None;
}

/// <summary>What loading postal-code centres did: rows received, centres written, and every row left out.</summary>
public sealed record PostalCodeImportReport(int Received, int Written, IReadOnlyList<DirectoryRejection> Rejections);
