namespace SocialPrescribing.Accounts;

/// <summary>The reasons <see cref="SignInEvent.Reason"/> names.</summary>
public static class SignInFailure
{
    /// <summary>No such account, or the wrong password: the page says the same for both.</summary>
    public const string Password = "password";

    /// <summary>A wrong second-factor code.</summary>
    public const string SecondFactor = "second-factor";

    /// <summary>The account is disabled (or its invitation not yet accepted).</summary>
    public const string NotAllowed = "not-allowed";

    /// <summary>The account is locked after repeated failures.</summary>
    public const string LockedOut = "locked-out";

    /// <summary>More attempts for this account than the per-account limit allows.</summary>
    public const string RateLimited = "rate-limited";
}
