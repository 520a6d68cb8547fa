namespace SocialPrescribing.Host.Tenants;

/// <summary><c>Tenants:{tenant}:Assessments</c>.</summary>
public sealed class AssessmentOptions
{
    /// <summary>The SWEMWBS wording, supplied under the tenant's own licence; without it SWEMWBS lists item keys only.</summary>
    public LicensedWordingOptions? Swemwbs { get; set; }

    /// <summary>
    /// An instrument's wording in another language, supplied under the tenant's licence or from the validated
    /// translation it uses (<c>Wordings:gad7:fr</c>): every item's text, and the answers' labels when they differ.
    /// It takes the place of the instrument's own translation for that language.
    /// </summary>
    public Dictionary<string, Dictionary<string, LicensedWordingOptions>> Wordings { get; set; } = [];
}
