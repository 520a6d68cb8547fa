using System.Collections.Frozen;

namespace SocialPrescribing.Domain.Journeys;

/// <summary>A need no program of the directory could meet for the person, kept so commissioners see the gaps.</summary>
[GenerateSerializer, Immutable, Alias("sp.UnmetNeed")]
public sealed record UnmetNeed(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Need,
    [property: Id(2)] string? Details,
    [property: Id(3)] DateTimeOffset RecordedAt);

/// <summary>
/// The coded needs an unmet need is recorded under — the referral reasons and the kinds of program social prescribing
/// connects to — so the gaps can be counted by need; the details carry anything else.
/// </summary>
public static class UnmetNeeds
{
    public static readonly FrozenSet<string> All = ReferralReasons.All.Union(
    [
        "arts-and-culture",
        "nature-and-gardening",
        "peer-support",
        "volunteering",
        "learning-and-skills",
        "digital-inclusion",
        "transport",
        "employment",
        "legal-advice",
        "childcare",
        "language-and-newcomers",
    ]).ToFrozenSet(StringComparer.Ordinal);
}
