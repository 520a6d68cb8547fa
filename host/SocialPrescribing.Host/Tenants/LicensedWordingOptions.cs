namespace SocialPrescribing.Host.Tenants;

/// <summary>Item wording (and optionally answer labels) a tenant is licensed to show.</summary>
public sealed class LicensedWordingOptions
{
    /// <summary>One text per item, in item order.</summary>
    public List<string> ItemTexts { get; set; } = [];

    /// <summary>One label per answer value, lowest first; empty keeps the default labels.</summary>
    public List<string> ResponseLabels { get; set; } = [];
}
