using System.Collections.Frozen;
using Microsoft.Extensions.Options;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Assessments;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Host.Tenants;
using SocialPrescribing.Plugins;

namespace SocialPrescribing.Host.Features.Assessments;

/// <summary>
/// Built once at start-up from the tenants' configuration and the instrument sources (plugins): a tenant's
/// wording that does not fit its instrument stops start-up with a message naming the tenant and key.
/// </summary>
internal sealed partial class AssessmentCatalog : IAssessmentCatalog
{
    public const string BuiltIn = "built-in";

    private readonly IEnumerable<IInstrumentSource> _sources;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TenantId, AssessmentOptions> _wording = new();
    private readonly Lock _building = new();
    private volatile FrozenDictionary<TenantId, IReadOnlyList<CatalogedInstrument>> _byTenant;

    public AssessmentCatalog(
        ITenantDirectory tenants, IOptions<Dictionary<string, TenantOptions>> options, IEnumerable<IInstrumentSource> sources, IPluginCatalog plugins, ILogger<AssessmentCatalog> logger)
    {
        _sources = sources;
        var errors = new List<string>();
        var byTenant = new Dictionary<TenantId, IReadOnlyList<CatalogedInstrument>>();
        foreach (var tenant in tenants.All)
        {
            var wording = _wording[tenant.Id] = options.Value.GetValueOrDefault(tenant.Id.Value)?.Assessments ?? new AssessmentOptions();
            byTenant[tenant.Id] = Build(tenant.Id, wording, errors);
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException("Tenants", typeof(AssessmentOptions), errors);
        }

        _byTenant = byTenant.ToFrozenDictionary();

        // A tenant whose plugins change while the host runs gets the instruments of its new plugins; a clash is left out and logged.
        plugins.TenantChanged += tenant =>
        {
            var problems = new List<string>();
            Serve(tenant, Build(tenant, _wording.GetValueOrDefault(tenant) ?? new AssessmentOptions(), problems));
            foreach (var problem in problems)
            {
                LogLeftOut(logger, problem);
            }
        };
    }

    /// <summary>What would be wrong with <paramref name="wording"/> for the tenant's instruments (the same words as at start-up); empty when nothing.</summary>
    public IReadOnlyList<string> Check(TenantId tenant, AssessmentOptions wording)
    {
        var errors = new List<string>();
        Build(tenant, wording, errors);
        return errors;
    }

    /// <summary>Serves the tenant's instruments in <paramref name="wording"/> from now on (checked first with <see cref="Check"/>).</summary>
    public void Apply(TenantId tenant, AssessmentOptions wording)
    {
        _wording[tenant] = wording;
        Serve(tenant, Build(tenant, wording, []));
    }

    private void Serve(TenantId tenant, List<CatalogedInstrument> instruments)
    {
        lock (_building)
        {
            _byTenant = new Dictionary<TenantId, IReadOnlyList<CatalogedInstrument>>(_byTenant) { [tenant] = instruments }.ToFrozenDictionary();
        }
    }

    private List<CatalogedInstrument> Build(TenantId tenant, AssessmentOptions settings, List<string> errors)
    {
        var instruments = BuiltInInstruments.All
            .Select(i => new CatalogedInstrument(i is SwemwbsInstrument swemwbs ? Worded(swemwbs, settings.Swemwbs, tenant, errors) : i, BuiltIn))
            .ToList();
        foreach (var (instrument, source) in _sources.SelectMany(s => s.InstrumentsOf(tenant)))
        {
            if (instruments.Any(i => i.Instrument.Id == instrument.Id))
            {
                errors.Add($"Tenants:{tenant.Value}: the plugin '{source}' offers instrument '{instrument.Id}', which the tenant already has; disable one of them.");
                continue;
            }

            instruments.Add(new CatalogedInstrument(instrument, source));
        }

        foreach (var (instrumentId, byLanguage) in settings.Wordings)
        {
            var at = instruments.FindIndex(i => string.Equals(i.Instrument.Id, instrumentId, StringComparison.Ordinal));
            if (at < 0)
            {
                errors.Add($"Tenants:{tenant.Value}:Assessments:Wordings:{instrumentId}: the tenant has no instrument '{instrumentId}'.");
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
                    errors.Add($"Tenants:{tenant.Value}:Assessments:Wordings:{instrumentId}:{language}: {ex.Message}");
                }
            }
        }

        return instruments;
    }

    /// <summary>The tenant's instruments; a tenant created while the host runs has the built-in ones, in their published wording.</summary>
    public IReadOnlyList<CatalogedInstrument> InstrumentsOf(TenantId tenant) => _byTenant.GetValueOrDefault(tenant) ?? BuiltInOnly;

    private static readonly IReadOnlyList<CatalogedInstrument> BuiltInOnly = [.. BuiltInInstruments.All.Select(i => new CatalogedInstrument(i, BuiltIn))];

    public CatalogedInstrument? Find(TenantId tenant, string id) =>
        InstrumentsOf(tenant).FirstOrDefault(i => string.Equals(i.Instrument.Id, id, StringComparison.Ordinal));

    [LoggerMessage(Level = LogLevel.Error, Message = "An instrument of a tenant's new plugins is left out: {Problem}")]
    private static partial void LogLeftOut(ILogger logger, string problem);

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
