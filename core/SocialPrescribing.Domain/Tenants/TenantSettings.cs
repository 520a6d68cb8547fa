using System.Collections.Immutable;
using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Domain.Tenants;

/// <summary>A tenant's policy as the pathway needs it: its clock, deadlines and thresholds.</summary>
public sealed record TenantSettings
{
    public required TenantId Id { get; init; }

    /// <summary>The program's name as shown on documents.</summary>
    public required string DisplayName { get; init; }

    /// <summary>Where business days are counted; deadlines fall at the same local time of day.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Business days from acceptance to the first-contact deadline.</summary>
    public int FirstContactSlaBusinessDays { get; init; } = 5;

    /// <summary>
    /// Business days a provider has to answer a community referral addressed to it; a provider silent longer makes a
    /// follow-up for the link worker.
    /// </summary>
    public int PartnerResponseBusinessDays { get; init; } = 5;

    /// <summary>When the tenant's directory feeds run: a cron expression (five fields) in the tenant's time zone; 3 a.m. daily by default.</summary>
    public string DirectoryFeedSchedule { get; init; } = DefaultDirectoryFeedSchedule;

    public const string DefaultDirectoryFeedSchedule = "0 3 * * *";

    /// <summary>Failed contact attempts needed before a journey may close as unable to contact.</summary>
    public int MinimumContactAttempts { get; init; } = 3;

    /// <summary>How long the audit log is kept unless a tenant says otherwise.</summary>
    public const int DefaultAuditRetentionYears = 10;

    /// <summary>Years the audit log is kept: entries older than this may be purged, none younger.</summary>
    public int AuditRetentionYears { get; init; } = DefaultAuditRetentionYears;

    /// <summary>Statutory holidays that are not business days.</summary>
    public ImmutableHashSet<DateOnly> Holidays { get; init; } = [];

    /// <summary>
    /// Whether anyone may read the tenant's community directory (its HSDS API) without signing in: it holds programs,
    /// not people. Off unless the tenant turns it on.
    /// </summary>
    public bool PublicDirectory { get; init; }

    /// <summary>How community programs are ranked for a person.</summary>
    public MatchingSettings Matching { get; init; } = MatchingSettings.Default;

    /// <summary>A phone number or address the referrer and person can reach the program at.</summary>
    public string? ContactPoint { get; init; }

    /// <summary>
    /// The clinical supervisors of the program: they are notified of safety alerts, and only they may acknowledge one.
    /// </summary>
    public ImmutableArray<Supervisor> Supervisors { get; init; } = [];

    /// <summary>True when <paramref name="actor"/> is one of the tenant's supervisors.</summary>
    public bool IsSupervisor(string actor) => Supervisors.Any(s => string.Equals(s.Id, actor, StringComparison.Ordinal));
}
