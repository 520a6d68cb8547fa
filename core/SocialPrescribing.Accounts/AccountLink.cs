namespace SocialPrescribing.Accounts;

/// <summary>A one-time link for a person, as <see cref="IAccountLinkSender"/> delivers it.</summary>
/// <param name="Kind">What the link is for.</param>
/// <param name="UserName">The account's sign-in name (for the sender to find where to deliver).</param>
/// <param name="DisplayName">The person's name, to greet them.</param>
/// <param name="Tenant">For an invitation, the tenant that invited them; null for a reset.</param>
/// <param name="Url">The link itself: a credential until used or expired.</param>
/// <param name="ExpiresAt">When it stops working.</param>
public sealed record AccountLink(AccountLinkKind Kind, string UserName, string DisplayName, string? Tenant, Uri Url, DateTimeOffset ExpiresAt);
