using SocialPrescribing.Abstractions;
using SocialPrescribing.Abstractions.Assessments;

namespace SocialPrescribing.Host.Features.Assessments;

/// <summary>Instruments beyond the built-in ones (from plugins), per tenant, each with the id of where it came from.</summary>
public interface IInstrumentSource
{
    IEnumerable<(IAssessmentInstrument Instrument, string Source)> InstrumentsOf(TenantId tenant);
}
