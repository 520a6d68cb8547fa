namespace SocialPrescribing.Abstractions.Assessments;

/// <summary>Who may show an instrument's item wording.</summary>
public enum ItemTextUse
{
    /// <summary>The wording is free to reproduce, with the citation in <see cref="InstrumentLicence.Notice"/>.</summary>
    FreeToShow,

    /// <summary>
    /// The wording is licensed by its owner: only a tenant holding its own licence may supply and show it.
    /// The framework ships the scoring, never the wording.
    /// </summary>
    TenantLicenceRequired,
}
