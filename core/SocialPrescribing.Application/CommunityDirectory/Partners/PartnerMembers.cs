using System.Collections.Immutable;
using System.Text.Json;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Application.Access;
using SocialPrescribing.Domain.Access;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Application.CommunityDirectory.Partners;

/// <summary>Which directory organizations a member (a community-partner user's sign-in name, or a partner system's client id) answers for.</summary>
public sealed record PartnerMember(string MemberId, ImmutableArray<Guid> Organizations, DateTimeOffset SetAt, string SetBy);

/// <summary>
/// The tenant's community partners: which provider organizations of the directory each partner user or system answers
/// referrals for. Kept as a record stream per member (kind <see cref="Kind"/>), so every change says who made it and
/// when. A tenant admin sets them; an organization must be in the directory. An empty list ends the membership.
/// </summary>
public sealed class PartnerMembers(IRecordStreamStore streams, IDirectoryStore directory, TimeProvider time)
{
    public const string Kind = "partner-member";

    private const string RecordType = "PartnerOrganizationsSet";

    public const int MaxOrganizations = 50;

    /// <summary>The organizations the caller answers for, as a user (their id) or a system (their client id); empty for none.</summary>
    public async Task<ImmutableArray<Guid>> OrganizationsOfAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.HasRole(AccessRoles.CommunityPartner))
        {
            return [];
        }

        var ids = caller.Client is { } client && !string.Equals(client, caller.Id, StringComparison.Ordinal) ? new[] { caller.Id, client } : [caller.Id];
        var organizations = new HashSet<Guid>();
        foreach (var id in ids)
        {
            if (await FindAsync(caller.Tenant, id, cancellationToken) is { } member)
            {
                organizations.UnionWith(member.Organizations);
            }
        }

        return [.. organizations.Order()];
    }

    /// <summary>Every member of the tenant with the organizations they answer for now, by member id; ended memberships left out.</summary>
    public async Task<IReadOnlyList<PartnerMember>> ListAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        Demand(caller);
        var members = new List<PartnerMember>();
        foreach (var id in await streams.ListStreamsAsync(caller.Tenant, Kind, cancellationToken))
        {
            if (await FindAsync(caller.Tenant, id, cancellationToken) is { Organizations.IsEmpty: false } member)
            {
                members.Add(member);
            }
        }

        return members;
    }

    /// <summary>Sets the organizations <paramref name="memberId"/> answers for (replacing any before); empty ends the membership.</summary>
    /// <exception cref="AccessDeniedException">The caller is not a tenant admin.</exception>
    /// <exception cref="PartnerMemberException">The member id or an organization is not one the directory knows.</exception>
    public async Task<PartnerMember> SetAsync(Caller caller, string memberId, IReadOnlyList<Guid> organizations, CancellationToken cancellationToken = default)
    {
        Demand(caller);
        ArgumentNullException.ThrowIfNull(organizations);
        if (string.IsNullOrWhiteSpace(memberId) || memberId.Length > 128 || memberId.Any(char.IsControl))
        {
            throw new PartnerMemberException("memberId", "A member is a user's sign-in name or a client id of 1 to 128 characters.");
        }

        if (organizations.Count > MaxOrganizations)
        {
            throw new PartnerMemberException("organizationIds", $"A member answers for at most {MaxOrganizations} organizations.");
        }

        foreach (var organization in organizations.Distinct())
        {
            if (await directory.FindRecordAsync(caller.Tenant, DirectoryRecordKinds.Organization, organization, cancellationToken) is null)
            {
                throw new PartnerMemberException("organizationIds", $"The directory has no organization {organization}.");
            }
        }

        var records = await streams.ReadStreamAsync(caller.Tenant, Kind, memberId, cancellationToken);
        var now = time.GetUtcNow();
        ImmutableArray<Guid> set = [.. organizations.Distinct().Order()];
        var data = JsonSerializer.Serialize(new Entry(set));
        await streams.AppendStreamAsync(
            new RecordAppend(caller.Tenant, Kind, memberId, records.Count, [new NewEvent(RecordType, data, Guid.CreateVersion7(now), caller.Id, now)]),
            cancellationToken);
        return new PartnerMember(memberId, set, now, caller.Id);
    }

    private async Task<PartnerMember?> FindAsync(TenantId tenant, string memberId, CancellationToken cancellationToken)
    {
        var records = await streams.ReadStreamAsync(tenant, Kind, memberId, cancellationToken);
        if (records.Count == 0)
        {
            return null;
        }

        var last = records[^1];
        var entry = JsonSerializer.Deserialize<Entry>(last.Data) ?? new Entry([]);
        return new PartnerMember(memberId, entry.Organizations, last.OccurredAt, last.Actor);
    }

    private static void Demand(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsSystem && !caller.HasRole(AccessRoles.TenantAdmin) && !caller.HasRole(AccessRoles.Operator))
        {
            throw new AccessDeniedException("A tenant admin sets which organizations community partners answer for.");
        }
    }

    private sealed record Entry(ImmutableArray<Guid> Organizations);
}

/// <summary>A membership that cannot be set, with the request field at fault.</summary>
public sealed class PartnerMemberException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
