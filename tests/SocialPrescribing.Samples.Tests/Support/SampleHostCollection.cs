namespace SocialPrescribing.Samples.Tests.Support;

/// <summary>
/// Hosts in this assembly never overlap: Hangfire keeps process-wide state, so two hosts at once could take each
/// other's jobs (a safety alert's notification among them).
/// </summary>
[CollectionDefinition(Name)]
public sealed class SampleHostCollection
{
    public const string Name = "sample-host";
}
