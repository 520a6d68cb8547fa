using SocialPrescribing.Domain.Tenants;

namespace SocialPrescribing.Host.Tenants;

/// <summary>One entry of configuration section <c>Tenants</c>, keyed by tenant id (for example <c>Tenants:ab</c>).</summary>
public sealed class TenantOptions
{
    /// <summary>The program's name on documents. Required.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>IANA time zone business days are counted in. Default <c>America/Toronto</c>.</summary>
    public string TimeZone { get; set; } = "America/Toronto";

    /// <summary>Business days from acceptance to the first-contact deadline. Default 5.</summary>
    public int FirstContactSlaBusinessDays { get; set; } = 5;

    /// <summary>Failed attempts before a journey may close as unable to contact. Default 3.</summary>
    public int MinimumContactAttempts { get; set; } = 3;

    /// <summary>
    /// Years the program keeps its audit log: <c>audit purge</c> removes only entries older than this. Default 10, the
    /// longest provincial requirement; at least 1.
    /// </summary>
    public int AuditRetentionYears { get; set; } = TenantSettings.DefaultAuditRetentionYears;

    /// <summary>Dates (yyyy-mm-dd) that are not business days.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>How referrers and clients reach the program, printed on documents.</summary>
    public string? ContactPoint { get; set; }

    /// <summary>
    /// The program's clinical supervisors: safety alerts are sent to them and only they may acknowledge one.
    /// A tenant that records assessments needs at least one.
    /// </summary>
    public List<SupervisorOptions> Supervisors { get; set; } = [];

    /// <summary>Per-tenant settings of the assessment instruments, such as licensed item wording.</summary>
    public AssessmentOptions Assessments { get; set; } = new();
}
