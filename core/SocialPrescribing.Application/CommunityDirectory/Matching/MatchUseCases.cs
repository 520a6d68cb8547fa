using SocialPrescribing.Application.CommunityDirectory.Partners;
using SocialPrescribing.Application.Access;
using SocialPrescribing.Application.Audit;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.CommunityDirectory.Import;
using SocialPrescribing.CommunityDirectory.Services;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Application.CommunityDirectory.Matching;

/// <summary>
/// Community programs for a person: the journey's record (what matters to them, their barriers and preferences, age,
/// language, postal code) against the tenant's directory. The directory narrows the programs to those open to the
/// person's age that hold any of their words or lie within their reach (<see cref="DirectoryCandidateQuery"/>), and
/// <see cref="ProgramMatcher"/> ranks those. Reading the record is an audited access; nothing of it leaves the tenant.
/// </summary>
public sealed class MatchUseCases(
    JourneyUseCases journeys, DirectoryUseCases directory, IDirectoryStore store, ITenantDirectory tenants, ITransportPartners transport, ProviderResponsiveness providers, TimeProvider time)
{
    public const int DefaultLimit = 10;

    public const int MaxLimit = 50;

    /// <summary>The programs that fit the person best, at most <paramref name="limit"/>; null when there is no such journey.</summary>
    /// <exception cref="AccessDeniedException">The journey is outside the caller's scope.</exception>
    public async Task<MatchResult?> FindAsync(Caller caller, Guid journeyId, int limit = DefaultLimit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);
        if (await journeys.FindDisclosedAsync(caller, journeyId, RecordAccess.Matches) is not { } disclosed)
        {
            return null;
        }

        var settings = tenants.TryGet(caller.Tenant, out var tenant) ? tenant.Matching : MatchingSettings.Default;
        var profile = await ProfileAsync(caller, disclosed.State, tenant, settings, cancellationToken);
        var words = profile.Interests.Concat(profile.WhatMatters).SelectMany(MatchWords.Stems).Distinct(StringComparer.Ordinal).Take(DirectorySearchText.MaxWords * 4).ToList();
        var near = profile.Origin is { } origin ? new DirectoryArea(origin.Latitude, origin.Longitude, profile.MaxTravelMeters) : null;
        var candidates = await store.FindCandidatesAsync(caller.Tenant, new DirectoryCandidateQuery(profile.AgeYears, words, near), cancellationToken);
        var figures = await providers.OfAsync(caller.Tenant, cancellationToken);
        var ranked = ProgramMatcher.Rank(
            profile, candidates.Select(c => (c, DirectoryServiceFacts.Of(c.Id, c.Document))), settings, limit, figures, tenant?.PartnerResponseBusinessDays ?? 5);
        return new MatchResult(profile, settings, candidates.Count, ranked);
    }

    private async Task<MatchProfile> ProfileAsync(Caller caller, JourneyState state, TenantSettings? tenant, MatchingSettings settings, CancellationToken cancellationToken)
    {
        var barriers = state.Barriers;
        var client = state.Client;
        decimal? age = client?.AgeOn(BusinessCalendar.Today(time, tenant));

        MatchOrigin? origin = null;
        if (barriers is { Latitude: { } latitude, Longitude: { } longitude })
        {
            origin = new MatchOrigin(latitude, longitude, "where they start from");
        }
        else if (client is not null && await directory.AreaAroundAsync(caller, client.PostalCode, 1, cancellationToken) is { } centre)
        {
            origin = new MatchOrigin(centre.Latitude, centre.Longitude, $"the centre of {PostalCodeTable.ForwardSortationArea(client.PostalCode) ?? PostalCodeTable.Normalize(client.PostalCode)}");
        }

        var languages = (barriers?.Languages ?? []).ToList();
        if (client is not null && WireNames.Of(client.PreferredLanguage) is var preferred && !languages.Contains(preferred))
        {
            languages.Insert(0, preferred);
        }

        return new MatchProfile(
            age,
            barriers?.Interests ?? [],
            state.WhatMatters,
            languages,
            barriers?.Barriers ?? [],
            barriers?.Availability ?? [],
            origin,
            barriers?.MaxTravelMeters ?? settings.DefaultMaxTravelMeters,
            transport.EnabledFor(caller.Tenant))
        {
            PostalCode = client?.PostalCode,
        };
    }
}
