namespace SocialPrescribing.Accounts;

/// <summary>
/// The outcome of an account operation: <see cref="Error"/> says what was wrong in words an operator can act on;
/// <see cref="Secret"/> carries a one-time value to hand over (an invitation or reset code), never stored in clear.
/// </summary>
public sealed record AccountResult(string? Error, string? Secret = null)
{
    public bool Succeeded => Error is null;

    public static AccountResult Ok(string? secret = null) => new(null, secret);

    public static AccountResult Fail(string error) => new(error);
}
