using System.ComponentModel;
using SocialPrescribing.Abstractions.Assessments;
using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Host.Features.Assessments;

/// <summary>An instrument as the catalogue shows it.</summary>
internal sealed record InstrumentResponse(
    string Id,
    string Version,
    string Title,
    string Source,
    [property: Description("The items, each with its translations (by two-letter language code) and its answers' as this program has them.")] IReadOnlyList<AssessmentItem> Items,
    [property: Description("The languages the whole instrument can be given in (every item and answer worded), English first.")] IReadOnlyList<string> Languages,
    IReadOnlyList<ScoreDefinitionResponse> Scores,
    LicenceResponse Licence)
{
    public static InstrumentResponse From(CatalogedInstrument cataloged)
    {
        var i = cataloged.Instrument;
        return new InstrumentResponse(
            i.Id,
            i.Version,
            i.Title,
            cataloged.Source,
            cataloged.Items,
            cataloged.Languages,
            [.. i.ScoreDefinitions.Select(d => new ScoreDefinitionResponse(
                d.Name, d.Minimum, d.Maximum, WireNames.Of(d.Polarity), d.MeaningfulChange, d.Bands))],
            new LicenceResponse(WireNames.Of(i.Licence.ItemTextUse), i.Licence.Notice, i.Licence.ItemTextIncluded));
    }
}
