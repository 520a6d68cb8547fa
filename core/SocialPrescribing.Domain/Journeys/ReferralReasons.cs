using System.Collections.Frozen;

namespace SocialPrescribing.Domain.Journeys;

/// <summary>
/// The coded reasons a person is referred for. Coded rather than free text so that programs can
/// report referrals by reason; the referral's notes carry anything else.
/// </summary>
public static class ReferralReasons
{
    public static readonly FrozenSet<string> All = new[]
    {
        "loneliness-and-isolation",
        "low-mood",
        "physical-activity",
        "food-security",
        "housing",
        "finances",
        "caregiver-strain",
        "chronic-disease-self-management",
        "other",
    }.ToFrozenSet(StringComparer.Ordinal);
}
