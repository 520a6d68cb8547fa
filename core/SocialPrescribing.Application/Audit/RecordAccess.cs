namespace SocialPrescribing.Application.Audit;

/// <summary>
/// What kind of information an access touched and what was done with it, as the audit log records it (PHIPA s.10.1:
/// "the type of information"). Both are lower-case kebab, 1 to 32 characters.
/// </summary>
public sealed record RecordAccess(string Category, string Action)
{
    /// <summary>The journey with its timeline: what the journey endpoint and the console show.</summary>
    public static readonly RecordAccess Journey = new("journey", "read");

    /// <summary>The journey as it was at a past moment.</summary>
    public static readonly RecordAccess JourneyHistory = new("journey-history", "read");

    /// <summary>One row of a caseload page: the person's name, status and link worker.</summary>
    public static readonly RecordAccess CaseloadRow = new("caseload", "list");

    /// <summary>Assessments and their answers.</summary>
    public static readonly RecordAccess Assessments = new("assessment", "read");

    /// <summary>Wellbeing outcomes computed from the assessments.</summary>
    public static readonly RecordAccess Outcomes = new("outcome", "read");

    /// <summary>Trips, and what a partner is told to quote one.</summary>
    public static readonly RecordAccess Transport = new("transport", "read");

    /// <summary>A document rendered from the record (referral letter, plan, summary).</summary>
    public static readonly RecordAccess Document = new("document", "print");

    /// <summary>One row of the open safety alerts list.</summary>
    public static readonly RecordAccess SafetyAlert = new("safety-alert", "list");

    /// <summary>What a referrer is told of a referral they sent (status, or a summary, as the person's consent allows).</summary>
    public static readonly RecordAccess ReferralStatus = new("referral-status", "read");

    /// <summary>The person's barriers and preferences, matched against the community directory.</summary>
    public static readonly RecordAccess Matches = new("matches", "read");

    /// <summary>A community partner read a referral addressed to its organization.</summary>
    public static readonly RecordAccess PartnerReferral = new("partner-referral", "read");

    /// <summary>A community partner listed the referrals addressed to its organizations (one entry per person listed).</summary>
    public static readonly RecordAccess PartnerReferralList = new("partner-referral", "list");

    /// <summary>The host's own work on a journey (a job deciding what to do next).</summary>
    public static readonly RecordAccess Processing = new("journey", "process");

    /// <summary>A search of the audit log (about one person's record when filtered by journey).</summary>
    public static readonly RecordAccess AuditSearch = new("audit", "search");

    /// <summary>Who dealt with a person's record: the access report made for them.</summary>
    public static readonly RecordAccess AccessReport = new("audit", "report");

    /// <summary>Audit entries exported (as FHIR AuditEvent resources).</summary>
    public static readonly RecordAccess AuditExport = new("audit", "export");

    /// <summary>A walk of the tenant's audit chain to check nothing was changed, removed or reordered.</summary>
    public static readonly RecordAccess AuditVerification = new("audit", "verify");

    /// <summary>A request the door refused (the caller's role does not reach it), in the kind of information it asked for.</summary>
    public static RecordAccess Refused(string category) => new(category, "request");

    /// <summary>A command on the journey (<paramref name="command"/> is its wire name, such as <c>record-consent</c>).</summary>
    public static RecordAccess Command(string command) => new("journey", command);
}
