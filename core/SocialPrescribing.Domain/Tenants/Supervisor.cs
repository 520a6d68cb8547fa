namespace SocialPrescribing.Domain.Tenants;

/// <summary>A clinical supervisor of a tenant's program: who safety alerts go to.</summary>
/// <param name="Id">The user id the supervisor acts under (the <c>X-Actor</c> of their requests).</param>
/// <param name="DisplayName">The name shown on notifications.</param>
/// <param name="Email">Where an e-mail channel sends alerts; optional, channels arrive as plugins.</param>
public sealed record Supervisor(string Id, string DisplayName, string? Email);
