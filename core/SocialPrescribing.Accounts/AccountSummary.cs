namespace SocialPrescribing.Accounts;

/// <summary>A user as operators list them: never a password hash or a second-factor secret.</summary>
public sealed record AccountSummary(string UserName, string DisplayName, bool Disabled, bool TwoFactor, IReadOnlyList<string> Roles);
