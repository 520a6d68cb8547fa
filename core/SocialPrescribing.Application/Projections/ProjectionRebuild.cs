using SocialPrescribing.Grains.Journeys;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Application.Projections;

/// <summary>
/// Rebuilds read models from the events: what an operator runs after a projection changed (a new column, a fixed
/// computation) or to repair a read model. The streams are the record; read models can always be thrown away.
/// </summary>
public sealed class ProjectionRebuild(IReadModelStore readModels)
{
    /// <summary>Every projection that can be rebuilt, by name.</summary>
    public static IReadOnlyList<string> Names { get; } = [CaseloadProjection.Name];

    /// <summary>Rebuilds the projection named <paramref name="name"/>, or every one when null; returns rows written per projection.</summary>
    /// <exception cref="ArgumentException">No projection has that name.</exception>
    public async Task<IReadOnlyDictionary<string, int>> RebuildAsync(string? name, CancellationToken cancellationToken = default)
    {
        if (name is not null && !Names.Contains(name, StringComparer.Ordinal))
        {
            throw new ArgumentException($"No projection '{name}'; known: {string.Join(", ", Names)}.", nameof(name));
        }

        var written = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            [CaseloadProjection.Name] = await readModels.RebuildCaseloadAsync(CaseloadProjection.Project, cancellationToken),
        };
        return written;
    }
}
