namespace SocialPrescribing.Accounts;

/// <summary>
/// The outcome of <see cref="UserDirectory.InviteAsync"/>: the account (new or existing), the one-time code when a new
/// account was made, or what was wrong.
/// </summary>
public sealed record Invitation(UserAccount? User, string? Code, FieldProblem? Problem);
