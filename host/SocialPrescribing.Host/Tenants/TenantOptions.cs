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

    /// <summary>Business days a provider has to answer a community referral before the link worker gets a follow-up (1 to 60).</summary>
    public int PartnerResponseBusinessDays { get; set; } = 5;

    /// <summary>When the tenant's directory feeds run: a five-field cron expression in the tenant's time zone (default 3 a.m. daily).</summary>
    public string DirectoryFeedSchedule { get; set; } = TenantSettings.DefaultDirectoryFeedSchedule;

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

    /// <summary>Whether anyone may read the tenant's community directory (its HSDS API) without signing in. Default false.</summary>
    public bool PublicDirectory { get; set; }

    /// <summary>How community programs are ranked for a person (<c>Tenants:&lt;id&gt;:Matching</c>).</summary>
    public MatchingOptions Matching { get; set; } = new();

    /// <summary>Per-tenant settings of the assessment instruments, such as licensed item wording.</summary>
    public AssessmentOptions Assessments { get; set; } = new();
}

/// <summary>
/// <c>Tenants:&lt;id&gt;:Matching</c>: each factor's weight (0 to 10; 0 leaves it out) and the distances matches assume.
/// </summary>
public sealed class MatchingOptions
{
    public double Interest { get; set; } = MatchingSettings.Default.Interest;

    public double Distance { get; set; } = MatchingSettings.Default.Distance;

    public double Language { get; set; } = MatchingSettings.Default.Language;

    public double Cost { get; set; } = MatchingSettings.Default.Cost;

    public double Schedule { get; set; } = MatchingSettings.Default.Schedule;

    public double Accessibility { get; set; } = MatchingSettings.Default.Accessibility;

    public double Transport { get; set; } = MatchingSettings.Default.Transport;

    public double DigitalAccess { get; set; } = MatchingSettings.Default.DigitalAccess;

    public double Responsiveness { get; set; } = MatchingSettings.Default.Responsiveness;

    public double Capacity { get; set; } = MatchingSettings.Default.Capacity;

    /// <summary>How far a person travels when their record does not say, in metres (500 to 500,000).</summary>
    public int DefaultMaxTravelMeters { get; set; } = MatchingSettings.Default.DefaultMaxTravelMeters;

    /// <summary>How near is walking distance for someone without transport, in metres (100 to 10,000).</summary>
    public int WalkingMeters { get; set; } = MatchingSettings.Default.WalkingMeters;

    public IEnumerable<(string Name, double Weight)> Weights =>
    [
        (nameof(Interest), Interest), (nameof(Distance), Distance), (nameof(Language), Language), (nameof(Cost), Cost), (nameof(Schedule), Schedule),
        (nameof(Accessibility), Accessibility), (nameof(Transport), Transport), (nameof(DigitalAccess), DigitalAccess),
        (nameof(Responsiveness), Responsiveness), (nameof(Capacity), Capacity),
    ];

    public MatchingSettings ToSettings() => new()
    {
        Interest = Interest,
        Distance = Distance,
        Language = Language,
        Cost = Cost,
        Schedule = Schedule,
        Accessibility = Accessibility,
        Transport = Transport,
        DigitalAccess = DigitalAccess,
        Responsiveness = Responsiveness,
        Capacity = Capacity,
        DefaultMaxTravelMeters = DefaultMaxTravelMeters,
        WalkingMeters = WalkingMeters,
    };
}
