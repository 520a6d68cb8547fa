namespace SocialPrescribing.Host.Features.SignIn;

/// <summary>
/// The account after an invitation: <c>invited</c> when a new account was made and its invitation link sent to the
/// person (it works until <c>expiresAt</c>); false when the account existed and only got the roles.
/// </summary>
internal sealed record InvitationResponse(string UserName, string DisplayName, IReadOnlyList<string> Roles, bool Invited, DateTimeOffset? ExpiresAt);
