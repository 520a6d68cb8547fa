namespace SocialPrescribing.Domain.Tenants;

/// <summary>
/// How a tenant ranks community programs for a person: the weight of each factor (0 leaves it out), how far a person
/// travels when their record does not say, and how near counts as walking distance for someone without transport.
/// </summary>
public sealed record MatchingSettings
{
    public static readonly MatchingSettings Default = new();

    public const double MaxWeight = 10;

    /// <summary>Their interests and what matters to them, against the program's words and taxonomy terms.</summary>
    public double Interest { get; init; } = 4;

    public double Distance { get; init; } = 2;

    public double Language { get; init; } = 2;

    /// <summary>Against a cost barrier.</summary>
    public double Cost { get; init; } = 2;

    /// <summary>The program's schedule against the times they are free.</summary>
    public double Schedule { get; init; } = 2;

    /// <summary>The places' accessibility against a mobility barrier.</summary>
    public double Accessibility { get; init; } = 2;

    /// <summary>A transport partner, or walking distance, against a transport barrier.</summary>
    public double Transport { get; init; } = 2;

    /// <summary>Meeting in person against a digital-access barrier.</summary>
    public double DigitalAccess { get; init; } = 2;

    /// <summary>Whether the program takes referrals now: places free, a waitlist, or closed to referrals.</summary>
    public double Capacity { get; init; } = 2;

    /// <summary>How the provider answers referrals (its acceptance rate and median response time), once it has answered a few.</summary>
    public double Responsiveness { get; init; } = 1;

    public int DefaultMaxTravelMeters { get; init; } = 10_000;

    public int WalkingMeters { get; init; } = 1_500;
}
