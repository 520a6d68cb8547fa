using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Host.Features.Assessments;

/// <summary>The instruments each tenant may use: the built-in ones (with the tenant's licensed wording) and those of plugins it enabled.</summary>
public interface IAssessmentCatalog
{
    /// <summary>The tenant's instruments, in catalogue order; empty for an unknown tenant.</summary>
    IReadOnlyList<CatalogedInstrument> InstrumentsOf(TenantId tenant);

    /// <summary>The tenant's instrument with this id, or null.</summary>
    CatalogedInstrument? Find(TenantId tenant, string id);
}
