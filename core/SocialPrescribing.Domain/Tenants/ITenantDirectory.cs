using System.Diagnostics.CodeAnalysis;
using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Domain.Tenants;

/// <summary>The tenants this deployment serves. A tenant not listed here does not exist.</summary>
public interface ITenantDirectory
{
    IReadOnlyCollection<TenantSettings> All { get; }

    bool TryGet(TenantId id, [NotNullWhen(true)] out TenantSettings? settings);
}
