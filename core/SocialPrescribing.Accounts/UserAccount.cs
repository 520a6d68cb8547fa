using Microsoft.AspNetCore.Identity;

namespace SocialPrescribing.Accounts;

/// <summary>
/// A person who signs in with a built-in account. The account is not tied to one tenant: what the person may do
/// comes from their <see cref="TenantRoleGrant"/>s, one tenant at a time.
/// </summary>
public sealed class UserAccount : IdentityUser
{
    /// <summary>The name shown to others (documents, the console, the audit log's reports); never an internal id.</summary>
    public required string DisplayName { get; set; }

    /// <summary>A disabled account cannot sign in or get a token; its history keeps its name.</summary>
    public bool Disabled { get; set; }
}
