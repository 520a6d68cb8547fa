namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>
/// Break-glass: the actor, a link worker whose scope does not reach this journey, opens it for
/// <paramref name="Duration"/> on a stated <paramref name="Reason"/>. Every access under it is audited as an emergency
/// access, and the tenant's privacy officers are told.
/// </summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.OpenEmergencyAccess")]
public sealed record OpenEmergencyAccess(
    [property: Id(0)] string Reason,
    [property: Id(1)] TimeSpan Duration) : JourneyCommand
{
    /// <summary>The shortest reason accepted: a few words, not a placeholder.</summary>
    public const int MinReasonLength = 10;

    /// <summary>The longest reason accepted (the audit log's limit).</summary>
    public const int MaxReasonLength = 1000;

    public override string Name => JourneyCommandNames.OpenEmergencyAccess;
}
