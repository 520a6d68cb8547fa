using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Application.Access;

/// <summary>
/// Who is calling, as their access token says: a person (a user of the tenant) or a system (a client application).
/// Every door builds one and hands it to the use cases, which decide what it may do and record what it did.
/// </summary>
/// <param name="Id">The user's sign-in name, or the client id of a system; what the journey's events record as the actor.</param>
/// <param name="DisplayName">The name shown to others.</param>
/// <param name="Tenant">The one tenant the token is for.</param>
/// <param name="Roles">The roles held in that tenant.</param>
/// <param name="Client">The client application the token was issued to, when there is one.</param>
public sealed record Caller(string Id, string DisplayName, TenantId Tenant, IReadOnlySet<string> Roles, string? Client)
{
    private const string SystemRole = "system";

    /// <summary>The host itself, acting on a job's behalf (a first-contact check, a partner's answer): bound by the domain's rules only.</summary>
    public static Caller System(TenantId tenant) => new("system", "System", tenant, new HashSet<string>(StringComparer.Ordinal) { SystemRole }, null);

    /// <summary>The request (trace) id that ties what this caller did to the host's other logs, when known.</summary>
    public string? RequestId { get; init; }

    /// <summary>The network address the request came from (after trusted proxies), when known.</summary>
    public string? SourceAddress { get; init; }

    /// <summary>Why the caller is looking, as they stated it, when they did.</summary>
    public string? Purpose { get; init; }

    /// <summary>The reason given for an emergency (break-glass) access, when this is one.</summary>
    public string? BreakGlassReason { get; init; }

    public bool IsSystem => Roles.Contains(SystemRole);

    public bool HasRole(string role) => Roles.Contains(role);
}
