namespace SocialPrescribing.Host.Hosting;

/// <summary>Brings the configured engine's schema up to date; registered by the storage wiring.</summary>
internal sealed record SchemaMigration(Func<CancellationToken, Task> ApplyAsync);
