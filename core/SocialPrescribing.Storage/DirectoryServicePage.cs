namespace SocialPrescribing.Storage;

/// <summary>A page of a tenant's services and how many match the query in all.</summary>
public sealed record DirectoryServicePage(IReadOnlyList<DirectoryServiceRecord> Items, long Total);
