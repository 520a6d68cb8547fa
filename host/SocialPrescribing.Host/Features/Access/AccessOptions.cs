namespace SocialPrescribing.Host.Features.Access;

/// <summary>Configuration section <c>Access</c>: the host's token server and how it checks tokens.</summary>
public sealed class AccessOptions
{
    /// <summary>
    /// The issuer of every token (<c>iss</c>), the host's public address as clients reach it, e.g.
    /// <c>https://sp.example.org/</c>. Required outside Development; there it defaults to <c>http://localhost:5080/</c>.
    /// </summary>
    public Uri? Issuer { get; set; }

    /// <summary>
    /// A PEM file holding the RSA private key that signs tokens. Required outside Development (the host refuses to
    /// start without it, so tokens survive restarts and hosts of a cluster accept each other's). In Development a key
    /// is made once under <c>{Storage:DataDirectory}/keys/</c>.
    /// </summary>
    public string? SigningKeyPath { get; set; }

    /// <summary>A PEM file holding the RSA private key that encrypts authorization codes and refresh tokens; as <see cref="SigningKeyPath"/>.</summary>
    public string? EncryptionKeyPath { get; set; }

    /// <summary>How long an access token lasts. Default 10 minutes.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a person's refresh token lasts (the console refreshes its access token with it until then; each use
    /// gives a new one and spends the old). Default 8 hours, a working day: after that the person signs in again.
    /// </summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How long a spent refresh token is still accepted, for a client that sent two refreshes at once. Default zero:
    /// a refresh token works once, and using a spent one revokes the tokens issued from it.
    /// </summary>
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// How often spent, revoked and expired codes and tokens are removed from the store (those older than a refresh
    /// token's lifetime). Default 1 hour.
    /// </summary>
    public TimeSpan TokenPruningInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Whether <c>token --tenant T --user U</c> may print a token outside Development and Testing. Default false: a
    /// production host hands out tokens only through its token endpoint.
    /// </summary>
    public bool AllowTokenCommand { get; set; }
}
