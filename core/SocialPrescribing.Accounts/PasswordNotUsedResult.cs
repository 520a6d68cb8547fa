using Microsoft.AspNetCore.Identity;

namespace SocialPrescribing.Accounts;

/// <summary>
/// A right password refused because the account's tenants sign their people in with their own identity provider
/// (<see cref="IPasswordSignInRule"/>): not allowed, and the sign-in page says which way to go instead.
/// </summary>
public sealed class PasswordNotUsedResult : SignInResult
{
    public static readonly PasswordNotUsedResult Instance = new();

    private PasswordNotUsedResult() => IsNotAllowed = true;
}
