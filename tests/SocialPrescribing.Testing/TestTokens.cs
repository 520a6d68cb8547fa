using SocialPrescribing.Accounts;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Testing;

/// <summary>
/// Access tokens for a host started by a test in the Testing environment: signed with the key that host made under its
/// data folder, for its default (Development) issuer, so the host checks them as it checks any other.
/// </summary>
public static class TestTokens
{
    /// <summary>Who the tests' requests come from when a test does not say: every role of the tenant but operator.</summary>
    public const string DefaultCaller = "test-user";

    public static readonly IReadOnlyList<string> TenantRoles =
        [AccessRoles.LinkWorker, AccessRoles.Supervisor, AccessRoles.Referrer, AccessRoles.CommunityPartner, AccessRoles.PrivacyOfficer, AccessRoles.TenantAdmin];

    public static string For(string dataDirectory, string tenant, string subject = DefaultCaller, IEnumerable<string>? roles = null, TimeSpan? lifetime = null) =>
        AccessTokenMinter.Issue(
            AccessClaims.DevelopmentIssuer,
            RsaKeyFile.Read(SigningKeyPath(dataDirectory), "test signing key"),
            lifetime ?? TimeSpan.FromMinutes(10),
            subject,
            subject,
            tenant,
            roles ?? TenantRoles,
            "sp-tests");

    /// <summary>Where a Development or Testing host keeps the key it signs tokens with.</summary>
    public static string SigningKeyPath(string dataDirectory) => Path.Combine(dataDirectory, "keys", "signing-key.pem");
}
