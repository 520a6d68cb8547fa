namespace SocialPrescribing.CommunityDirectory.Services;

/// <summary>What a service costs the person, as far as its record says.</summary>
public enum ServiceCost
{
    /// <summary>The record gives no cost option and no fee.</summary>
    Unknown,

    /// <summary>Every cost option is zero, or the fees say it is free.</summary>
    Free,

    /// <summary>At least one cost option has an amount above zero, or the record describes fees.</summary>
    Paid,
}
