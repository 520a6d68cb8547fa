namespace SocialPrescribing.Storage.Postgres;

/// <summary>One numbered schema change: its statements, given the quoted schema name.</summary>
internal sealed record PostgresMigrationStep(int Version, string Description, Func<string, IReadOnlyList<string>> Statements);
