namespace SocialPrescribing.Accounts;

/// <summary>The PostgreSQL schema of the account tables, or null on SQLite (its own file).</summary>
public sealed record AccountsSchemaName(string? Value);
