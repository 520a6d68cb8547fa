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

    /// <summary>A right password for an account whose tenants sign their people in with their own identity provider only.</summary>
    public const string PasswordNotUsed = "password-not-used";

    /// <summary>The tenant's identity provider did not sign the person in, or what it sent back did not check out (issuer, audience, nonce, state).</summary>
    public const string ExternalFailed = "external-failed";

    /// <summary>Signed in at the tenant's identity provider, but no account here is linked or matched, and the tenant does not create accounts.</summary>
    public const string UnknownPerson = "unknown-person";

    /// <summary>Signed in at the tenant's identity provider, but none of the person's groups or roles there maps to a role here.</summary>
    public const string NoMappedRole = "no-role";
}
