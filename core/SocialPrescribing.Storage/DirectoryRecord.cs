using System.Security.Cryptography;
using System.Text;

namespace SocialPrescribing.Storage;

/// <summary>
/// An HSDS 3 record of a tenant's directory other than a service, kept whole by kind and id: an organization, a
/// taxonomy or a taxonomy term (<see cref="DirectoryRecordKinds"/>). A term names its taxonomy
/// (<see cref="TaxonomyId"/>) and its parent term (<see cref="ParentId"/>); an organization its parent organization.
/// </summary>
public sealed record DirectoryRecord(
    string Kind, Guid Id, string Name, Guid? TaxonomyId, Guid? ParentId, string SearchText, string Document, DateTimeOffset? UpdatedAt = null)
{
    public string Digest => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Document)));

    public void Validate()
    {
        if (!DirectoryRecordKinds.All.Contains(Kind))
        {
            throw new ArgumentException($"A directory record is one of {string.Join(", ", DirectoryRecordKinds.All)}.", nameof(Kind));
        }

        if (Id == Guid.Empty)
        {
            throw new ArgumentException("A directory record needs an id.", nameof(Id));
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Length > DirectoryServiceRecord.MaxNameLength)
        {
            throw new ArgumentException($"A directory record's name is 1 to {DirectoryServiceRecord.MaxNameLength} characters.", nameof(Name));
        }

        if (string.IsNullOrEmpty(Document) || Encoding.UTF8.GetByteCount(Document) > DirectoryServiceRecord.MaxDocumentBytes)
        {
            throw new ArgumentException($"A directory record's document is 1 byte to {DirectoryServiceRecord.MaxDocumentBytes} bytes.", nameof(Document));
        }
    }

    /// <summary>Validates every record, and that no kind and id appears twice.</summary>
    public static void ValidateAll(IReadOnlyList<DirectoryRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var keys = new HashSet<(string, Guid)>();
        foreach (var record in records)
        {
            ArgumentNullException.ThrowIfNull(record, nameof(records));
            record.Validate();
            if (!keys.Add((record.Kind, record.Id)))
            {
                throw new ArgumentException($"The {record.Kind} {record.Id} appears twice.", nameof(records));
            }
        }
    }
}

/// <summary>The kinds of <see cref="DirectoryRecord"/>, by their HSDS table names.</summary>
public static class DirectoryRecordKinds
{
    public const string Organization = "organization";
    public const string Taxonomy = "taxonomy";
    public const string TaxonomyTerm = "taxonomy_term";

    public static readonly IReadOnlyList<string> All = [Organization, Taxonomy, TaxonomyTerm];
}

/// <summary>
/// Which of a tenant's records of one kind to list, by name then id: whose words hold every word of
/// <see cref="Search"/>, terms of one taxonomy, children of one parent, or only those with no parent.
/// </summary>
public sealed record DirectoryRecordQuery(string Kind, int Page = 1, int PerPage = 50, string? Search = null, Guid? TaxonomyId = null, Guid? ParentId = null, bool TopOnly = false)
{
    public void Validate()
    {
        if (!DirectoryRecordKinds.All.Contains(Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(Kind), Kind, $"A directory record is one of {string.Join(", ", DirectoryRecordKinds.All)}.");
        }

        new DirectoryServiceQuery(Page, PerPage, Search: Search).Validate();
        if (TopOnly && ParentId is not null)
        {
            throw new ArgumentException("Records with no parent have no parent to name.", nameof(TopOnly));
        }
    }
}

/// <summary>A page of a tenant's records of one kind and how many match in all.</summary>
public sealed record DirectoryRecordPage(IReadOnlyList<DirectoryRecord> Items, long Total);

/// <summary>One service at one of its locations, and how far it is from the centre of the search (when one was given).</summary>
public sealed record DirectoryServiceAtLocation(DirectoryServiceLocation Location, DirectoryServiceRecord Service, double? DistanceMeters);

/// <summary>A page of services at their locations and how many match in all.</summary>
public sealed record DirectoryServiceAtLocationPage(IReadOnlyList<DirectoryServiceAtLocation> Items, long Total);

/// <summary>
/// The centre of a postal area (a whole postal code, or a Canadian forward sortation area such as <c>T5K</c>): what a
/// search by postal code measures distance from. Codes are upper case without spaces.
/// </summary>
public sealed record PostalCodeCentroid(string Code, double Latitude, double Longitude)
{
    public void Validate()
    {
        if (string.IsNullOrEmpty(Code) || Code.Length > DirectoryServiceLocation.MaxPostalCodeLength || !Code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException("A postal code is 1 to 16 upper-case letters, digits and dashes.", nameof(Code));
        }

        new DirectoryArea(Latitude, Longitude, 1).Validate();
    }

    /// <summary>Validates every centre, and that no code appears twice.</summary>
    public static void ValidateAll(IReadOnlyList<PostalCodeCentroid> centroids)
    {
        ArgumentNullException.ThrowIfNull(centroids);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var centroid in centroids)
        {
            ArgumentNullException.ThrowIfNull(centroid, nameof(centroids));
            centroid.Validate();
            if (!codes.Add(centroid.Code))
            {
                throw new ArgumentException($"The postal code {centroid.Code} appears twice.", nameof(centroids));
            }
        }
    }

    /// <summary><paramref name="code"/> as the directory keeps postal codes: upper case, without spaces.</summary>
    public static string Normalize(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return string.Concat(code.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
    }
}

/// <summary>What one write to the directory did to its services and to its other records.</summary>
public sealed record DirectoryWrite(DirectoryUpsert Services, DirectoryUpsert Records)
{
    public static readonly DirectoryWrite None = new(DirectoryUpsert.None, DirectoryUpsert.None);
}

/// <summary>
/// The services a match starts from, before it ranks them: active and open to a person of <see cref="Age"/> (when
/// known); then, when <see cref="Near"/> is known, the <see cref="Limit"/> nearest within it, the <see cref="Limit"/>
/// nearest within <see cref="WordsReach"/> times its reach that hold any of <see cref="Words"/> (each as the start of a
/// word), and <see cref="Limit"/> of those holding the words that have no place with coordinates (online programs);
/// without <see cref="Near"/>, the <see cref="Limit"/> that hold the most of the words; with neither, the first
/// <see cref="Limit"/> by name.
/// </summary>
public sealed record DirectoryCandidateQuery(decimal? Age, IReadOnlyList<string> Words, DirectoryArea? Near, int Limit = DirectoryCandidateQuery.DefaultLimit)
{
    public const int DefaultLimit = 200;

    /// <summary>How much farther than the person travels a match looks for programs that hold their words.</summary>
    public const double WordsReach = 3;

    /// <summary>
    /// How many times <see cref="Limit"/> places an engine may read, nearest first, to find the nearest services that
    /// are open to the person (and hold their words): a bound on the work of a match wherever the person lives.
    /// </summary>
    public const int NearestRead = 5;

    public const int MaxLimit = 1_000;

    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Words);
        if (Limit is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(Limit), Limit, $"A match starts from 1 to {MaxLimit} services of each kind.");
        }

        if (Words.Count > DirectorySearchText.MaxWords * 4 || Words.Any(w => w.Length is 0 or > DirectorySearchText.MaxWordLength || !w.All(char.IsLetterOrDigit)))
        {
            throw new ArgumentException("Words are folded words (DirectorySearchText), at most 48.", nameof(Words));
        }

        Near?.Validate();
    }
}
