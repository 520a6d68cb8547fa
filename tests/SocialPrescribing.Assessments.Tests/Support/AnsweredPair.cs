using SocialPrescribing.Abstractions.Assessments;

namespace SocialPrescribing.Assessments.Tests.Support;

/// <summary>Two administrations of the same instrument: a baseline and a later one.</summary>
public sealed record AnsweredPair(IAssessmentInstrument Instrument, int[] Baseline, int[] Latest)
{
    public override string ToString() =>
        $"{Instrument.Id} [{string.Join(", ", Baseline)}] then [{string.Join(", ", Latest)}]";
}
