using System.Data.Common;
using System.Globalization;

namespace SocialPrescribing.Storage;

/// <summary>
/// How many of a tenant's journeys have any assessment, and per instrument how many have its baseline: what an outcome
/// report of any period counts, read from the caseload rows without reading a digest.
/// </summary>
public sealed record AssessedJourneys(int WithAssessments, IReadOnlyDictionary<string, int> WithBaseline)
{
    /// <summary>Reads the rows both engines answer: (null, journeys with an assessment), then (instrument, journeys with its baseline).</summary>
    public static async Task<AssessedJourneys> ReadAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var assessed = 0;
        var baselines = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var count = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            if (reader.IsDBNull(0))
            {
                assessed = count;
            }
            else
            {
                baselines[reader.GetString(0)] = count;
            }
        }

        return new AssessedJourneys(assessed, baselines);
    }
}
