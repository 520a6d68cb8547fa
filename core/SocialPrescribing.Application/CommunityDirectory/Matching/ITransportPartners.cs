using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Application.CommunityDirectory.Matching;

/// <summary>The transport partners a tenant enables (plugins), by id: what a match offers a person without transport.</summary>
public interface ITransportPartners
{
    IReadOnlyList<string> EnabledFor(TenantId tenant);
}
