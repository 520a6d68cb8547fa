namespace SocialPrescribing.Accounts;

/// <summary>What an <see cref="AccountLink"/> is for.</summary>
public enum AccountLinkKind
{
    /// <summary>A tenant admin invited the person: the link lets them choose a password, which enables the account.</summary>
    Invitation,

    /// <summary>The person asked to reset a forgotten password.</summary>
    PasswordReset,
}
