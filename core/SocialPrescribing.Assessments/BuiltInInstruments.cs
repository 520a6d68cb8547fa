using System.Diagnostics.CodeAnalysis;
using SocialPrescribing.Abstractions.Assessments;

namespace SocialPrescribing.Assessments;

/// <summary>
/// The instruments the framework ships, with their default wording (none for SWEMWBS, whose wording is licensed).
/// </summary>
public static class BuiltInInstruments
{
    /// <summary>ONS personal wellbeing, <c>ons4</c>.</summary>
    public static Ons4Instrument Ons4 { get; } = new();

    /// <summary>Three-item loneliness scale with the optional direct question, <c>ucla3</c>.</summary>
    public static Ucla3Instrument Ucla3 { get; } = new();

    /// <summary>Short Warwick-Edinburgh Mental Wellbeing Scale, keys only, <c>swemwbs</c>.</summary>
    public static SwemwbsInstrument Swemwbs { get; } = new();

    /// <summary>Patient Health Questionnaire-9, <c>phq9</c>.</summary>
    public static Phq9Instrument Phq9 { get; } = new();

    /// <summary>Generalised Anxiety Disorder-7, <c>gad7</c>.</summary>
    public static Gad7Instrument Gad7 { get; } = new();

    /// <summary>Every built-in instrument, in catalogue order.</summary>
    public static IReadOnlyList<IAssessmentInstrument> All { get; } = [Ons4, Ucla3, Swemwbs, Phq9, Gad7];

    /// <summary>Finds a built-in instrument by id, for example <c>phq9</c>.</summary>
    public static bool TryGet(string id, [NotNullWhen(true)] out IAssessmentInstrument? instrument)
    {
        instrument = All.FirstOrDefault(i => string.Equals(i.Id, id, StringComparison.Ordinal));
        return instrument is not null;
    }
}
