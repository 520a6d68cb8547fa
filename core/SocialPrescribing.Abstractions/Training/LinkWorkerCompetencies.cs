namespace SocialPrescribing.Abstractions.Training;

/// <summary>
/// The competencies of the link worker competency framework, by domain. Modules should name these ids in their
/// <see cref="CompetencyOutcome"/>s, so that a link worker's profile adds up across modules from different
/// plugins; a module may also name competencies of its own.
/// </summary>
public static class LinkWorkerCompetencies
{
    /// <summary>Holding "what matters to you?" conversations.</summary>
    public const string WhatMattersConversations = "what-matters-conversations";

    /// <summary>Person-centred, strength-based practice.</summary>
    public const string PersonCentredPractice = "person-centred-practice";

    /// <summary>Co-producing plans and goals with the person.</summary>
    public const string CoProducingPlans = "co-producing-plans";

    /// <summary>Motivational interviewing.</summary>
    public const string MotivationalInterviewing = "motivational-interviewing";

    /// <summary>Addressing barriers: transport, cost, childcare, mobility, language, digital access.</summary>
    public const string AddressingBarriers = "addressing-barriers";

    /// <summary>Safeguarding, risk and escalation.</summary>
    public const string SafeguardingAndRisk = "safeguarding-and-risk";

    /// <summary>Culturally safe, anti-oppressive, trauma-informed practice.</summary>
    public const string CulturallySafePractice = "culturally-safe-practice";

    /// <summary>Role boundaries and referring back to clinicians.</summary>
    public const string RoleBoundaries = "role-boundaries";

    /// <summary>Mapping community assets.</summary>
    public const string AssetMapping = "asset-mapping";

    /// <summary>Keeping the community resource directory current.</summary>
    public const string DirectoryCurrency = "directory-currency";

    /// <summary>Supporting community groups.</summary>
    public const string SupportingCommunityGroups = "supporting-community-groups";

    /// <summary>Working across sectors.</summary>
    public const string CrossSectorWorking = "cross-sector-working";

    /// <summary>Documentation, coding, privacy and consent.</summary>
    public const string DocumentationPrivacyConsent = "documentation-privacy-consent";

    /// <summary>Outcome measurement and data quality.</summary>
    public const string OutcomeMeasurement = "outcome-measurement";

    /// <summary>Caseload management, supervision and self-care.</summary>
    public const string CaseloadAndSelfCare = "caseload-and-self-care";

    /// <summary>Reporting unmet needs.</summary>
    public const string ReportingUnmetNeeds = "reporting-unmet-needs";

    /// <summary>Every competency of the framework, domain by domain.</summary>
    public static IReadOnlyList<Competency> All { get; } =
    [
        new(WhatMattersConversations, CompetencyDomain.IndividualSupport, "\"What matters\" conversations"),
        new(PersonCentredPractice, CompetencyDomain.IndividualSupport, "Person-centred, strength-based practice"),
        new(CoProducingPlans, CompetencyDomain.IndividualSupport, "Co-producing plans and goals"),
        new(MotivationalInterviewing, CompetencyDomain.IndividualSupport, "Motivational interviewing"),
        new(AddressingBarriers, CompetencyDomain.IndividualSupport, "Addressing barriers"),
        new(SafeguardingAndRisk, CompetencyDomain.IndividualSupport, "Safeguarding, risk and escalation"),
        new(CulturallySafePractice, CompetencyDomain.IndividualSupport, "Culturally safe, anti-oppressive, trauma-informed practice"),
        new(RoleBoundaries, CompetencyDomain.IndividualSupport, "Role boundaries and referring back to clinicians"),
        new(AssetMapping, CompetencyDomain.CommunityEngagement, "Asset mapping"),
        new(DirectoryCurrency, CompetencyDomain.CommunityEngagement, "Keeping the directory current"),
        new(SupportingCommunityGroups, CompetencyDomain.CommunityEngagement, "Supporting community groups"),
        new(CrossSectorWorking, CompetencyDomain.CommunityEngagement, "Cross-sector working"),
        new(DocumentationPrivacyConsent, CompetencyDomain.AdministrationAndSustainability, "Documentation, coding, privacy and consent"),
        new(OutcomeMeasurement, CompetencyDomain.AdministrationAndSustainability, "Outcome measurement and data quality"),
        new(CaseloadAndSelfCare, CompetencyDomain.AdministrationAndSustainability, "Caseload management, supervision and self-care"),
        new(ReportingUnmetNeeds, CompetencyDomain.AdministrationAndSustainability, "Reporting unmet needs"),
    ];

    /// <summary>The framework competency with <paramref name="id"/>, or null when the framework has none.</summary>
    public static Competency? Find(string id) => All.FirstOrDefault(c => c.Id == id);
}
