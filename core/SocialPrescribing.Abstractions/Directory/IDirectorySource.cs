namespace SocialPrescribing.Abstractions.Directory;

/// <summary>
/// A feed of community programs for a tenant's directory: a 211 service, a provincial directory, any system that
/// serves Open Referral HSDS 3. The host pulls from it on the tenant's schedule (a Hangfire recurring job) and on an
/// admin's demand, page by page, and imports what it reads as an HSDS import: every service checked against the
/// HSDS 3 schemas, the valid ones added or updated by id, each rejection reported with its field.
/// </summary>
/// <remarks>
/// <para>
/// Mark the class with <see cref="DirectorySourceAttribute"/> and register it as
/// <c>services.AddSingleton&lt;IDirectorySource, MySource&gt;()</c>. The host creates one instance per tenant that
/// enables the plugin.
/// </para>
/// <para>
/// Each call is bounded by the host's plugin timeout: return one page at a time, with the cursor of the next, rather
/// than the whole directory. A directory holds programs, not people; a feed carries no personal information.
/// </para>
/// </remarks>
public interface IDirectorySource
{
    /// <summary>Reads one page of services: changed after <see cref="DirectoryFeedRequest.ModifiedAfter"/> when it is set, all of them otherwise.</summary>
    /// <param name="request">Where to read from: the cursor the previous page gave (null for the first page) and the delta's start.</param>
    /// <param name="cancellationToken">Cancelled when the host stops waiting.</param>
    /// <returns>The page's services as HSDS 3 service documents, and the cursor of the next page (null after the last).</returns>
    Task<DirectoryFeedPage> ReadAsync(DirectoryFeedRequest request, CancellationToken cancellationToken);
}

/// <summary>Which page of a feed to read.</summary>
public sealed record DirectoryFeedRequest
{
    /// <summary>The <see cref="DirectoryFeedPage.NextCursor"/> of the page before; null for the first page.</summary>
    public string? Cursor { get; init; }

    /// <summary>Only services changed after this moment (HSDS <c>modified_after</c>); null for every service.</summary>
    public DateTimeOffset? ModifiedAfter { get; init; }
}

/// <summary>One page of a feed.</summary>
public sealed record DirectoryFeedPage
{
    /// <summary>HSDS 3 service documents, each the JSON text of one service with its nested objects.</summary>
    public required IReadOnlyList<string> Services { get; init; }

    /// <summary>Where the next page starts; null when this is the last.</summary>
    public string? NextCursor { get; init; }
}
