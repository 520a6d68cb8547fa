using System.Diagnostics.CodeAnalysis;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Tenants;

namespace SocialPrescribing.Benchmarks;

/// <summary>One tenant, <c>ab</c>, as the host's default configuration has.</summary>
internal sealed class BenchmarkTenants : ITenantDirectory
{
    public static readonly TenantSettings Alberta = new()
    {
        Id = TenantId.Parse("ab"),
        DisplayName = "Alberta benchmark program",
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/Edmonton"),
    };

    public IReadOnlyCollection<TenantSettings> All { get; } = [Alberta];

    public bool TryGet(TenantId id, [NotNullWhen(true)] out TenantSettings? settings)
    {
        settings = id == Alberta.Id ? Alberta : null;
        return settings is not null;
    }
}
