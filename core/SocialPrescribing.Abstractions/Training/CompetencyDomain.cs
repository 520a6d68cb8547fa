namespace SocialPrescribing.Abstractions.Training;

/// <summary>
/// The three domains of the link worker competency framework the Canadian Institute for Social Prescribing is
/// developing.
/// </summary>
public enum CompetencyDomain
{
    /// <summary>Supporting the individual client: conversations, plans, barriers, safety.</summary>
    IndividualSupport,

    /// <summary>Engaging with community stakeholders: assets, the directory, groups, other sectors.</summary>
    CommunityEngagement,

    /// <summary>The administrative functions that sustain the program: records, measures, caseload, reporting.</summary>
    AdministrationAndSustainability,
}
