namespace SocialPrescribing.Host.Features.SignIn;

/// <summary>Configuration section <c>SignIn</c>: how people sign in with built-in accounts.</summary>
public sealed class SignInOptions
{
    /// <summary>Failed attempts (password or second factor) in a row that lock an account. Default 5.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked. Default 15 minutes.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Sign-in attempts (password, second factor, reset requests) per account name per minute, whatever the address
    /// they come from; more are answered 429 with <c>Retry-After</c>. Default 10.
    /// </summary>
    public int AttemptsPerAccountPerMinute { get; set; } = 10;

    /// <summary>How long the host's sign-in session lasts without use (sliding) before the person signs in again. Default 1 hour.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Whether people must turn on a second factor (TOTP) before they get a token. Default false.</summary>
    public bool RequireTwoFactor { get; set; }

    /// <summary>How long a password reset link works. Default 1 hour.</summary>
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an invitation link works. Default 7 days.</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Where the default link sender writes invitation and reset links, one file each, readable by the host's user
    /// only. Default <c>{Storage:DataDirectory}/outbox/account-links</c>. Ignored once another
    /// <c>IAccountLinkSender</c> (e-mail) is registered.
    /// </summary>
    public string? LinkFolder { get; set; }

    /// <summary>
    /// Where the data-protection keys (sign-in cookies, antiforgery, reset and invitation codes) are kept. Give every
    /// host of a cluster the same folder. Default <c>{Storage:DataDirectory}/keys/data-protection</c>.
    /// </summary>
    public string? DataProtectionKeysPath { get; set; }
}
