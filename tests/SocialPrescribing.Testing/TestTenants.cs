using System.Diagnostics.CodeAnalysis;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Tenants;

namespace SocialPrescribing.Testing;

/// <summary>Two tenants, <c>ab</c> and <c>on</c>, as the host's tenant directory would serve them.</summary>
public sealed class TestTenants : ITenantDirectory
{
    public static readonly TenantId Ab = TenantId.Parse("ab");
    public static readonly TenantId On = TenantId.Parse("on");

    private readonly Dictionary<TenantId, TenantSettings> _tenants = new()
    {
        [Ab] = new TenantSettings { Id = Ab, DisplayName = "Alberta (test)" },
        [On] = new TenantSettings { Id = On, DisplayName = "Ontario (test)" },
    };

    public IReadOnlyCollection<TenantSettings> All => _tenants.Values;

    public bool TryGet(TenantId id, [NotNullWhen(true)] out TenantSettings? settings) => _tenants.TryGetValue(id, out settings);
}
