namespace SocialPrescribing.Storage;

/// <summary>What an upsert did: services added, services whose document changed, and services sent again unchanged.</summary>
public sealed record DirectoryUpsert(int Imported, int Updated, int Unchanged)
{
    public static readonly DirectoryUpsert None = new(0, 0, 0);
}
