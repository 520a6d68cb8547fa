namespace SocialPrescribing.Application.Access;

/// <summary>Break-glass (configuration section <c>Access:EmergencyAccess</c>).</summary>
public sealed class EmergencyAccessOptions
{
    /// <summary>The shortest and the longest an operator may configure.</summary>
    public static readonly TimeSpan MinDuration = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    /// <summary>
    /// How long an emergency access lasts once opened (default two hours: a working session, not a standing right).
    /// Opening it again, with a new reason, extends it, and is reported again.
    /// </summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromHours(2);
}
