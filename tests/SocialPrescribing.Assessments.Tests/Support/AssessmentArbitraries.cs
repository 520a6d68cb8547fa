using FsCheck;
using FsCheck.Fluent;
using SocialPrescribing.Abstractions.Assessments;

namespace SocialPrescribing.Assessments.Tests.Support;

/// <summary>Random response sets for every built-in instrument, with and without optional items.</summary>
public static class AssessmentArbitraries
{
    private static readonly Gen<IAssessmentInstrument> AnyInstrument = Gen.Elements<IAssessmentInstrument>(BuiltInInstruments.All);

    private static Gen<int[]> ValidResponses(IAssessmentInstrument instrument) =>
        from answered in Gen.Choose(RequiredCount(instrument), instrument.Items.Count)
        from responses in Gen.CollectToArray(
            instrument.Items.Take(answered), item => Gen.Elements(item.ResponseOptions.Select(o => o.Value)))
        select responses;

    public static Arbitrary<AnsweredInstrument> Answered() => Arb.From(
        from instrument in AnyInstrument
        from responses in ValidResponses(instrument)
        select new AnsweredInstrument(instrument, responses));

    public static Arbitrary<AnsweredPair> Pairs() => Arb.From(
        from instrument in AnyInstrument
        from baseline in ValidResponses(instrument)
        from latest in ValidResponses(instrument)
        select new AnsweredPair(instrument, baseline, latest));

    public static Arbitrary<InvalidAnswer> Invalid() => Arb.From(
        from instrument in AnyInstrument
        from responses in ValidResponses(instrument)
        from index in Gen.Choose(0, responses.Length - 1)
        let item = instrument.Items[index]
        from bad in Gen.OneOf(Gen.Choose(item.Minimum - 50, item.Minimum - 1), Gen.Choose(item.Maximum + 1, item.Maximum + 50))
        select new InvalidAnswer(instrument, [.. responses.Select((value, i) => i == index ? bad : value)], index));

    /// <summary>How many responses an instrument needs: up to and including its last required item.</summary>
    public static int RequiredCount(IAssessmentInstrument instrument)
    {
        var required = 0;
        for (var i = 0; i < instrument.Items.Count; i++)
        {
            if (!instrument.Items[i].Optional)
            {
                required = i + 1;
            }
        }

        return required;
    }
}
