namespace SocialPrescribing.Accounts;

/// <summary>
/// What <see cref="FederatedAccounts.SignInAsync"/> decided: the account to sign in, or the refusal
/// (<see cref="SignInFailure"/>) and the account it concerned, when one was found.
/// </summary>
public sealed record FederatedSignInResult(UserAccount? User, string? Refusal, bool Created = false)
{
    public bool Succeeded => Refusal is null;

    public static FederatedSignInResult Refused(string reason, UserAccount? user = null) => new(user, reason);
}
