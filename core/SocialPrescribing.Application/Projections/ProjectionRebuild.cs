using SocialPrescribing.Grains.Journeys;
using SocialPrescribing.Grains.Projections;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Application.Projections;

/// <summary>
/// Rebuilds read models from the events: what an operator runs after a projection changed (a new column, a fixed
/// computation) or to repair a read model. The streams are the record; read models can always be thrown away.
/// </summary>
public sealed class ProjectionRebuild(IReadModelStore readModels, IProjectionTallies tallies, IEnumerable<ITallyProjection> asynchronous)
{
    private readonly ITallyProjection[] _asynchronous = [.. asynchronous];

    /// <summary>Every projection that can be rebuilt, by name: the inline caseload, then the asynchronous ones.</summary>
    public IReadOnlyList<string> Names => [CaseloadProjection.Name, .. _asynchronous.Select(p => p.Name)];

    /// <summary>
    /// Rebuilds the projection named <paramref name="name"/>, or every one when null. Returns, per projection, the rows
    /// written (the caseload) or the events counted again (an asynchronous projection: its tallies are cleared and it
    /// reads the whole feed again; if a running host holds its place in the feed, that host finishes the catching up).
    /// </summary>
    /// <exception cref="ArgumentException">No projection has that name.</exception>
    public async Task<IReadOnlyDictionary<string, int>> RebuildAsync(string? name, CancellationToken cancellationToken = default)
    {
        if (name is not null && !Names.Contains(name, StringComparer.Ordinal))
        {
            throw new ArgumentException($"No projection '{name}'; known: {string.Join(", ", Names)}.", nameof(name));
        }

        var written = new Dictionary<string, int>(StringComparer.Ordinal);
        if (name is null or CaseloadProjection.Name)
        {
            written[CaseloadProjection.Name] = await readModels.RebuildCaseloadAsync(CaseloadProjection.Project, cancellationToken);
        }

        foreach (var projection in _asynchronous.Where(p => name is null || p.Name == name))
        {
            await tallies.ClearTalliesAsync(projection.Name, cancellationToken);
            written[projection.Name] = await AsyncProjectionRunner.CatchUpAsync(tallies, projection, 1000, cancellationToken);
        }

        return written;
    }
}
