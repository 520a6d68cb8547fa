namespace SocialPrescribing.Accounts;

/// <summary>
/// What happens at sign-in, for whoever needs to know (the audit log): raised by the sign-in pages after each attempt.
/// Implementations must not throw for a failed write they can retry later, and must not block for long: the person
/// is waiting. The host's default writes a log line without the user name or the address.
/// </summary>
public interface ISignInEvents
{
    /// <summary>A person proved who they are (password, and second factor when enrolled).</summary>
    Task SignedInAsync(SignInEvent signIn, CancellationToken cancellationToken);

    /// <summary>An attempt was refused: unknown name, wrong password or code, disabled account, or over the rate limit.</summary>
    Task SignInFailedAsync(SignInEvent signIn, CancellationToken cancellationToken);

    /// <summary>Repeated failures locked the account (this attempt and those until the lockout ends are refused).</summary>
    Task LockedOutAsync(SignInEvent signIn, CancellationToken cancellationToken);
}
