namespace SocialPrescribing.Accounts;

/// <summary>One role a user holds in one tenant.</summary>
public sealed class TenantRoleGrant
{
    public required string UserId { get; set; }

    public required string Tenant { get; set; }

    public required string Role { get; set; }
}
