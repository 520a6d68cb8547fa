namespace SocialPrescribing.Storage.Tests;

/// <summary>
/// The PostgreSQL test classes that hold writing transactions open on purpose (row locks, slow commits) and those that
/// read the ordered feed. A feed reader waits for every writing transaction on the server to finish, so running these
/// side by side would stall each other's feed for as long as a lock is held; they run one class at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresWritersCollection
{
    public const string Name = "postgres-writers";
}
