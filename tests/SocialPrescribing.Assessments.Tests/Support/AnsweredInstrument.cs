using SocialPrescribing.Abstractions.Assessments;

namespace SocialPrescribing.Assessments.Tests.Support;

/// <summary>An instrument and one set of responses for it.</summary>
public sealed record AnsweredInstrument(IAssessmentInstrument Instrument, int[] Responses)
{
    public override string ToString() => $"{Instrument.Id} [{string.Join(", ", Responses)}]";
}
