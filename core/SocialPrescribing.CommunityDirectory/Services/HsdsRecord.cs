namespace SocialPrescribing.CommunityDirectory.Services;

/// <summary>
/// An HSDS record a service nests that the directory also serves on its own: its organization, the taxonomy terms of
/// its attributes and their taxonomies. <see cref="Table"/> is the HSDS table name; <see cref="Document"/> the nested
/// object exactly as received.
/// </summary>
public sealed record HsdsRecord(string Table, Guid Id, string Name, Guid? TaxonomyId, Guid? ParentId, string SearchText, string Document)
{
    public const string Organization = "organization";
    public const string Taxonomy = "taxonomy";
    public const string TaxonomyTerm = "taxonomy_term";
}
