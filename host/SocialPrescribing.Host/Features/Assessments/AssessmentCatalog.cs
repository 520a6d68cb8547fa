using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Assessments;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Host.Tenants;

namespace SocialPrescribing.Host.Features.Assessments;

/// <summary>
/// Built once at start-up from the tenants' configuration and the instrument sources (plugins): a tenant's
/// wording that does not fit its instrument stops start-up with a message naming the tenant and key.
/// </summary>
internal sealed class AssessmentCatalog : IAssessmentCatalog
{
    public const string BuiltIn = "built-in";

    private readonly FrozenDictionary<TenantId, IReadOnlyList<CatalogedInstrument>> _byTenant;

    public AssessmentCatalog(ITenantDirectory tenants, IOptions<Dictionary<string, TenantOptions>> options, IEnumerable<IInstrumentSource> sources)
    {
        var errors = new List<string>();
        var byTenant = new Dictionary<TenantId, IReadOnlyList<CatalogedInstrument>>();
        foreach (var tenant in tenants.All)
        {
            var settings = options.Value.GetValueOrDefault(tenant.Id.Value)?.Assessments ?? new AssessmentOptions();
            var instruments = BuiltInInstruments.All
                .Select(i => new CatalogedInstrument(i is SwemwbsInstrument swemwbs ? Worded(swemwbs, settings.Swemwbs, tenant.Id, errors) : i, BuiltIn))
                .ToList();
            foreach (var (instrument, source) in sources.SelectMany(s => s.InstrumentsOf(tenant.Id)))
            {
                if (instruments.Any(i => i.Instrument.Id == instrument.Id))
                {
                    errors.Add($"Tenants:{tenant.Id.Value}: the plugin '{source}' offers instrument '{instrument.Id}', which the tenant already has; disable one of them.");
                    continue;
                }

                instruments.Add(new CatalogedInstrument(instrument, source));
            }

            foreach (var (instrumentId, byLanguage) in settings.Wordings)
            {
                var at = instruments.FindIndex(i => string.Equals(i.Instrument.Id, instrumentId, StringComparison.Ordinal));
                if (at < 0)
                {
                    errors.Add($"Tenants:{tenant.Id.Value}:Assessments:Wordings:{instrumentId}: the tenant has no instrument '{instrumentId}'.");
                    continue;
                }

                foreach (var (language, wording) in byLanguage)
                {
                    try
                    {
                        instruments[at] = instruments[at] with { Items = CatalogedInstrument.WithWording(instruments[at].Items, language, wording.ItemTexts, wording.ResponseLabels) };
                    }
                    catch (ArgumentException ex)
                    {
                        errors.Add($"Tenants:{tenant.Id.Value}:Assessments:Wordings:{instrumentId}:{language}: {ex.Message}");
                    }
                }
            }

            byTenant[tenant.Id] = instruments;
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException("Tenants", typeof(AssessmentOptions), errors);
        }

        _byTenant = byTenant.ToFrozenDictionary();
    }

    /// <summary>The tenant's instruments; a tenant created while the host runs has the built-in ones, in their published wording.</summary>
    public IReadOnlyList<CatalogedInstrument> InstrumentsOf(TenantId tenant) => _byTenant.GetValueOrDefault(tenant) ?? BuiltInOnly;

    private static readonly IReadOnlyList<CatalogedInstrument> BuiltInOnly = [.. BuiltInInstruments.All.Select(i => new CatalogedInstrument(i, BuiltIn))];

    public CatalogedInstrument? Find(TenantId tenant, string id) =>
        InstrumentsOf(tenant).FirstOrDefault(i => string.Equals(i.Instrument.Id, id, StringComparison.Ordinal));

    private static SwemwbsInstrument Worded(SwemwbsInstrument instrument, LicensedWordingOptions? wording, TenantId tenant, List<string> errors)
    {
        if (wording is null || (wording.ItemTexts.Count == 0 && wording.ResponseLabels.Count == 0))
        {
            return instrument;
        }

        try
        {
            return wording.ResponseLabels.Count == 0
                ? instrument.WithItemTexts(wording.ItemTexts)
                : instrument.WithItemTexts(wording.ItemTexts, wording.ResponseLabels);
        }
        catch (ArgumentException ex)
        {
            errors.Add($"Tenants:{tenant.Value}:Assessments:Swemwbs: {ex.Message}");
            return instrument;
        }
    }
}
