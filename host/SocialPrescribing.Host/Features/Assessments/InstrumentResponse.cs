using SocialPrescribing.Abstractions.Assessments;
using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Host.Features.Assessments;

/// <summary>An instrument as the catalogue shows it.</summary>
internal sealed record InstrumentResponse(
    string Id,
    string Version,
    string Title,
    string Source,
    IReadOnlyList<AssessmentItem> Items,
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
            i.Items,
            [.. i.ScoreDefinitions.Select(d => new ScoreDefinitionResponse(
                d.Name, d.Minimum, d.Maximum, WireNames.Of(d.Polarity), d.MeaningfulChange, d.Bands))],
            new LicenceResponse(WireNames.Of(i.Licence.ItemTextUse), i.Licence.Notice, i.Licence.ItemTextIncluded));
    }
}
