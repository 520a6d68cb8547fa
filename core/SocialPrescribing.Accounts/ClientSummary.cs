namespace SocialPrescribing.Accounts;

/// <summary>A client application (a system that gets tokens with its own credentials) as operators list them.</summary>
public sealed record ClientSummary(string ClientId, string Tenant, IReadOnlyList<string> Roles);
