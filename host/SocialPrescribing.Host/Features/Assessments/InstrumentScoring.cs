using SocialPrescribing.Abstractions.Assessments;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Host.Http;
using SocialPrescribing.Plugins;

namespace SocialPrescribing.Host.Features.Assessments;

/// <summary>
/// Scores responses with an instrument for the API: a response an item does not allow becomes a 400 naming the
/// item's position and key; an instrument (from a plugin) that throws or answers nonsense becomes a 502, never a 500.
/// </summary>
internal static class InstrumentScoring
{
    public static async Task<AssessmentResult?> TryScoreAsync(
        IAssessmentInstrument instrument, IReadOnlyList<int> responses, RequestValidation validation, CancellationToken cancellationToken)
    {
        AssessmentResult? result;
        try
        {
            result = instrument is PluginInstrument plugin
                ? await plugin.ScoreAsync(responses, cancellationToken)
                : instrument.Score(responses);
        }
        catch (AssessmentValidationException ex)
        {
            validation.Add(FieldOf(instrument, ex.ItemKey), ex.Message);
            return null;
        }
        catch (PluginCallException ex) when (ex.Reason != PluginCallFailure.Saturated)
        {
            throw new InstrumentFaultException(instrument.Id, $"failed ({PluginStatusNames.Of(ex.Reason)})", null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not PluginCallException)
        {
            throw new InstrumentFaultException(instrument.Id, "threw while scoring", ex);
        }

        if (result is null || result.Instrument != instrument.Id || result.Scores is null || result.Bands is null || result.Flags is null)
        {
            throw new InstrumentFaultException(instrument.Id, "returned an incomplete result", null);
        }

        return result;
    }

    /// <summary>The scores with their bands, as a journey keeps them.</summary>
    public static AssessmentScore[] ToScores(AssessmentResult result) =>
        [.. result.Scores.Select(s => new AssessmentScore(s.Key, s.Value, result.Bands.GetValueOrDefault(s.Key)))];

    private static string FieldOf(IAssessmentInstrument instrument, string itemKey)
    {
        for (var i = 0; i < instrument.Items.Count; i++)
        {
            if (string.Equals(instrument.Items[i].Key, itemKey, StringComparison.Ordinal))
            {
                return $"responses[{i}]";
            }
        }

        return "responses";
    }
}
