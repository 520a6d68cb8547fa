using SocialPrescribing.Abstractions;
using SocialPrescribing.Abstractions.Assessments;

namespace SocialPrescribing.Host.Features.Assessments;

/// <summary>The instruments each tenant may use: the built-in ones (with the tenant's licensed wording) and those of plugins it enabled.</summary>
public interface IAssessmentCatalog
{
    /// <summary>The tenant's instruments, in catalogue order; empty for an unknown tenant.</summary>
    IReadOnlyList<CatalogedInstrument> InstrumentsOf(TenantId tenant);

    /// <summary>The tenant's instrument with this id, or null.</summary>
    CatalogedInstrument? Find(TenantId tenant, string id);
}

/// <summary>An instrument in a tenant's catalogue, and where it comes from: <c>built-in</c> or a plugin id.</summary>
public sealed record CatalogedInstrument(IAssessmentInstrument Instrument, string Source);
