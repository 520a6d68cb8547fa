namespace SocialPrescribing.Host.Tenants;

/// <summary><c>Tenants:{tenant}:Assessments</c>.</summary>
public sealed class AssessmentOptions
{
    /// <summary>The SWEMWBS wording, supplied under the tenant's own licence; without it SWEMWBS lists item keys only.</summary>
    public LicensedWordingOptions? Swemwbs { get; set; }
}
