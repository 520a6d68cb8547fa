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

/// <summary>One entry of <c>Tenants:{tenant}:Supervisors</c>.</summary>
public sealed class SupervisorOptions
{
    /// <summary>The user id the supervisor acts under (their <c>X-Actor</c>). Required.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The name shown on notifications. Required.</summary>
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Where e-mail channels send alerts. Optional.</summary>
    public string? Email { get; set; }
}

/// <summary><c>Tenants:{tenant}:Assessments</c>.</summary>
public sealed class AssessmentOptions
{
    /// <summary>The SWEMWBS wording, supplied under the tenant's own licence; without it SWEMWBS lists item keys only.</summary>
    public LicensedWordingOptions? Swemwbs { get; set; }
}

/// <summary>Item wording (and optionally answer labels) a tenant is licensed to show.</summary>
public sealed class LicensedWordingOptions
{
    /// <summary>One text per item, in item order.</summary>
    public List<string> ItemTexts { get; set; } = [];

    /// <summary>One label per answer value, lowest first; empty keeps the default labels.</summary>
    public List<string> ResponseLabels { get; set; } = [];
}
