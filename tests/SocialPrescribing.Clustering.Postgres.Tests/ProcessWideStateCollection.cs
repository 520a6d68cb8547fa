namespace SocialPrescribing.Clustering.Postgres.Tests;

/// <summary>Tests that change process-wide state, such as the local time zone; xUnit runs this collection alone, after the others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideStateCollection
{
    public const string Name = "process-wide state";
}
