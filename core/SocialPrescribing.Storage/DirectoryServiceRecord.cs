using System.Security.Cryptography;
using System.Text;

namespace SocialPrescribing.Storage;

/// <summary>
/// One service of a tenant's directory as stored: its HSDS 3 document (<see cref="Document"/>, the JSON exactly as
/// accepted) and the facts searches filter on. <see cref="UpdatedAt"/> is when this directory last saw the document
/// change (set by the store); <see cref="LastModified"/> is what the record itself says.
/// </summary>
public sealed record DirectoryServiceRecord(
    Guid Id,
    Guid? OrganizationId,
    string Name,
    string Status,
    decimal? MinimumAge,
    decimal? MaximumAge,
    string Cost,
    DateOnly? AssuredDate,
    DateTimeOffset? LastModified,
    string SearchText,
    string Document,
    DateTimeOffset? UpdatedAt = null)
{
    /// <summary>The most a document may hold (UTF-8 bytes): far above any real service, far below a denial of service.</summary>
    public const int MaxDocumentBytes = 1 << 20;

    public const int MaxNameLength = 1_000;

    /// <summary>
    /// Where the service is delivered, as the store indexes it for searches by place; reads leave it empty (the
    /// document holds it whole).
    /// </summary>
    public IReadOnlyList<DirectoryServiceLocation> Locations { get; init; } = [];

    /// <summary>The taxonomy terms the service is tagged with, as the store indexes them; reads leave it empty.</summary>
    public IReadOnlyList<Guid> TaxonomyTermIds { get; init; } = [];

    /// <summary>The SHA-256 of the document, as lower-case hex: how a store tells a changed document from the same one.</summary>
    public string Digest => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Document)));

    /// <summary>Throws <see cref="ArgumentException"/> naming the first field that no store may keep.</summary>
    public void Validate()
    {
        if (Id == Guid.Empty)
        {
            throw new ArgumentException("A directory service needs an id.", nameof(Id));
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Length > MaxNameLength)
        {
            throw new ArgumentException($"A directory service's name is 1 to {MaxNameLength} characters.", nameof(Name));
        }

        if (Status is not ("active" or "inactive" or "defunct" or "temporarily closed"))
        {
            throw new ArgumentException("A directory service's status is active, inactive, defunct or temporarily closed.", nameof(Status));
        }

        if (Cost is not ("unknown" or "free" or "paid"))
        {
            throw new ArgumentException("A directory service's cost is unknown, free or paid.", nameof(Cost));
        }

        if (string.IsNullOrEmpty(Document) || Encoding.UTF8.GetByteCount(Document) > MaxDocumentBytes)
        {
            throw new ArgumentException($"A directory service's document is 1 byte to {MaxDocumentBytes} bytes.", nameof(Document));
        }

        var locations = new HashSet<Guid>();
        foreach (var location in Locations)
        {
            ArgumentNullException.ThrowIfNull(location, nameof(Locations));
            location.Validate();
            if (!locations.Add(location.Id))
            {
                throw new ArgumentException($"The service at location {location.Id} appears twice.", nameof(Locations));
            }
        }

        if (TaxonomyTermIds.Contains(Guid.Empty) || TaxonomyTermIds.Distinct().Count() != TaxonomyTermIds.Count)
        {
            throw new ArgumentException("A service's taxonomy terms are distinct ids.", nameof(TaxonomyTermIds));
        }
    }

    /// <summary>Validates every record, and that no id appears twice.</summary>
    public static void ValidateAll(IReadOnlyList<DirectoryServiceRecord> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var ids = new HashSet<Guid>();
        foreach (var service in services)
        {
            ArgumentNullException.ThrowIfNull(service, nameof(services));
            service.Validate();
            if (!ids.Add(service.Id))
            {
                throw new ArgumentException($"The service {service.Id} appears twice.", nameof(services));
            }
        }
    }
}
