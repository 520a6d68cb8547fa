namespace SocialPrescribing.Accounts;

/// <summary>
/// A person as a tenant's own identity provider vouched for them, in the words <see cref="FederatedAccounts"/> needs.
/// </summary>
/// <param name="LoginProvider">The host's name for the provider (its authentication scheme, <c>oidc-&lt;tenant&gt;</c>).</param>
/// <param name="Issuer">The provider's issuer (<c>iss</c>): a link made under one issuer never serves another.</param>
/// <param name="Subject">The provider's stable id of the person.</param>
/// <param name="Email">Their e-mail address, when the provider sent one.</param>
/// <param name="EmailVerified">What the provider said of the address (<c>email_verified</c>); null when it said nothing.</param>
/// <param name="DisplayName">Their name, when the provider sent one.</param>
public sealed record ExternalIdentity(string LoginProvider, string Issuer, string Subject, string? Email, bool? EmailVerified, string? DisplayName);
