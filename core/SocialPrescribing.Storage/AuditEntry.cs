using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage;

/// <summary>
/// One time someone dealt with a record, or tried to (PHIPA s.10.1): who, when, what kind of information, whose,
/// what they did and whether it was allowed. Stores refuse an entry that <see cref="Validate"/> rejects.
/// </summary>
/// <param name="Tenant">The tenant whose log holds the entry.</param>
/// <param name="At">When; kept in UTC to the microsecond (finer ticks are dropped, any offset becomes UTC).</param>
/// <param name="Actor">The user id, or the client id when a client acted on its own.</param>
/// <param name="Roles">The roles the actor held, comma-separated, or null.</param>
/// <param name="Client">The OAuth client application the actor came through, or null.</param>
/// <param name="JourneyId">Whose record; null for an event about no record, such as a failed sign-in.</param>
/// <param name="Category">The kind of information, lower-case kebab: journey, caseload, note, report, sign-in…</param>
/// <param name="Action">What was done, lower-case kebab: read, create, update, export, print, break-glass…</param>
/// <param name="Outcome"><see cref="Allowed"/> or <see cref="Denied"/>.</param>
/// <param name="Purpose">Why, as the actor stated it, or null.</param>
/// <param name="BreakGlassReason">The reason given for emergency access, or null.</param>
/// <param name="RequestId">The request or trace id that ties the entry to other logs, or null.</param>
/// <param name="SourceAddress">The network address the request came from, or null.</param>
public sealed record AuditEntry(
    TenantId Tenant,
    DateTimeOffset At,
    string Actor,
    string? Roles,
    string? Client,
    Guid? JourneyId,
    string Category,
    string Action,
    string Outcome,
    string? Purpose = null,
    string? BreakGlassReason = null,
    string? RequestId = null,
    string? SourceAddress = null)
{
    /// <summary>The outcome of an access that went ahead.</summary>
    public const string Allowed = "allowed";

    /// <summary>The outcome of an access that was refused.</summary>
    public const string Denied = "denied";

    public const int MaxActorLength = 256;
    public const int MaxRolesLength = 512;
    public const int MaxClientLength = 128;
    public const int MaxNameLength = 32;
    public const int MaxPurposeLength = 256;
    public const int MaxBreakGlassReasonLength = 1000;
    public const int MaxRequestIdLength = 128;
    public const int MaxSourceAddressLength = 64;

    public DateTimeOffset At { get; init => field = AuditText.Normalize(value); } = AuditText.Normalize(At);

    /// <summary>Validates every entry of a batch (<see cref="Validate"/>), so a store refuses the batch before writing any of it.</summary>
    public static void ValidateAll(IReadOnlyList<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            if (entry is null)
            {
                throw new ArgumentException("A batch of audit entries holds a null.", nameof(entries));
            }

            entry.Validate();
        }
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless every field is one a store accepts: a tenant; category and action
    /// 1 to 32 characters of lower-case kebab (<c>a-z</c>, <c>0-9</c>, single hyphens inside); outcome
    /// <see cref="Allowed"/> or <see cref="Denied"/>; a journey id that is not empty; roles of letters, digits and
    /// <c>-_.:</c> separated by commas; request id and source address of printable ASCII; other text without control
    /// characters (purpose and break-glass reason may hold tabs and line breaks); and nothing longer than its
    /// <c>Max…Length</c>. Optional text is null or not empty.
    /// </summary>
    public void Validate()
    {
        if (Tenant.Value is null)
        {
            throw new ArgumentException("An audit entry needs a tenant.", nameof(Tenant));
        }

        AuditText.RequireName(Category, nameof(Category));
        AuditText.RequireName(Action, nameof(Action));
        if (Outcome is not (Allowed or Denied))
        {
            throw new ArgumentException($"An audit outcome is '{Allowed}' or '{Denied}'.", nameof(Outcome));
        }

        if (JourneyId == Guid.Empty)
        {
            throw new ArgumentException("A journey id is not empty; leave it null for an entry about no record.", nameof(JourneyId));
        }

        AuditText.RequireText(Actor, MaxActorLength, AuditText.Kind.Line, nameof(Actor));
        AuditText.OptionalText(Roles, MaxRolesLength, AuditText.Kind.Roles, nameof(Roles));
        AuditText.OptionalText(Client, MaxClientLength, AuditText.Kind.Line, nameof(Client));
        AuditText.OptionalText(Purpose, MaxPurposeLength, AuditText.Kind.Prose, nameof(Purpose));
        AuditText.OptionalText(BreakGlassReason, MaxBreakGlassReasonLength, AuditText.Kind.Prose, nameof(BreakGlassReason));
        AuditText.OptionalText(RequestId, MaxRequestIdLength, AuditText.Kind.Token, nameof(RequestId));
        AuditText.OptionalText(SourceAddress, MaxSourceAddressLength, AuditText.Kind.Token, nameof(SourceAddress));
    }
}
