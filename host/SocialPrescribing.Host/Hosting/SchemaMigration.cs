namespace SocialPrescribing.Host.Hosting;

/// <summary>
/// One schema the host keeps up to date, registered by the subsystem that owns it (journey storage, job
/// storage). <c>migrate</c> applies every one; start-up applies those marked <paramref name="AtStartUp"/>.
/// </summary>
/// <param name="Name">What the schema holds, for the operator's output.</param>
/// <param name="ApplyAsync">Brings it up to date; safe to run again.</param>
/// <param name="AtStartUp">Whether the host applies it while starting (false where the host's role may not change the schema).</param>
internal sealed record SchemaMigration(string Name, Func<CancellationToken, Task> ApplyAsync, bool AtStartUp);
