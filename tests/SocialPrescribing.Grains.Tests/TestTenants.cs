using System.Diagnostics.CodeAnalysis;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Tenants;

namespace SocialPrescribing.Grains.Tests;

/// <summary>Two tenants, as a deployment serving two provinces would have.</summary>
public sealed class TestTenants : ITenantDirectory
{
    public static readonly TenantSettings Alberta = new()
    {
        Id = TenantId.Parse("ab"),
        DisplayName = "Alberta test program",
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/Edmonton"),
    };

    public static readonly TenantSettings Ontario = new()
    {
        Id = TenantId.Parse("on"),
        DisplayName = "Ontario test program",
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto"),
    };

    public IReadOnlyCollection<TenantSettings> All { get; } = [Alberta, Ontario];

    public bool TryGet(TenantId id, [NotNullWhen(true)] out TenantSettings? settings)
    {
        settings = All.FirstOrDefault(t => t.Id == id);
        return settings is not null;
    }
}
