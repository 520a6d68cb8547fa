using SocialPrescribing.Abstractions.Assessments;

namespace SocialPrescribing.Assessments.Tests.Support;

/// <summary>Responses that are valid except for one out-of-range value at <paramref name="Index"/>.</summary>
public sealed record InvalidAnswer(IAssessmentInstrument Instrument, int[] Responses, int Index)
{
    public override string ToString() => $"{Instrument.Id} [{string.Join(", ", Responses)}] bad at {Index}";
}
