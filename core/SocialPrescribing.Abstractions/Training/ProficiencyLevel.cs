namespace SocialPrescribing.Abstractions.Training;

/// <summary>How far a link worker has come in a competency, lowest first; later levels include earlier ones.</summary>
public enum ProficiencyLevel
{
    /// <summary>Knows the concepts and works with guidance.</summary>
    Foundational = 1,

    /// <summary>Applies the competency in routine situations.</summary>
    Developing = 2,

    /// <summary>Applies it independently, including in complex situations.</summary>
    Proficient = 3,

    /// <summary>Leads, teaches and adapts practice for others.</summary>
    Advanced = 4,
}
