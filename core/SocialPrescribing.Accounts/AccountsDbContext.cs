using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SocialPrescribing.Accounts;

/// <summary>
/// User accounts (ASP.NET Core Identity), their roles per tenant, and OpenIddict's client applications,
/// authorizations and tokens. On PostgreSQL the tables live in their own schema beside the journeys'.
/// </summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options, AccountsSchemaName schema) : IdentityUserContext<UserAccount>(options)
{
    public DbSet<TenantRoleGrant> RoleGrants => Set<TenantRoleGrant>();

    /// <summary>The PostgreSQL schema of these tables; null on SQLite.</summary>
    public string? Schema => schema.Value;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        if (schema.Value is { } name)
        {
            builder.HasDefaultSchema(name);
        }

        builder.UseOpenIddict();
        builder.Entity<UserAccount>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        });
        builder.Entity<TenantRoleGrant>(grant =>
        {
            grant.ToTable("TenantRoleGrants");
            grant.HasKey(g => new { g.UserId, g.Tenant, g.Role });
            grant.Property(g => g.UserId).HasMaxLength(450);
            grant.Property(g => g.Tenant).HasMaxLength(32);
            grant.Property(g => g.Role).HasMaxLength(32);
            grant.HasIndex(g => new { g.Tenant, g.Role });
            grant.HasOne<UserAccount>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
