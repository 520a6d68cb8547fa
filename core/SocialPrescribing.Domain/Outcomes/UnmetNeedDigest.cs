using System.Collections.Immutable;
using System.Text.Json;
using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Domain.Outcomes;

/// <summary>
/// A journey's unmet needs reduced to what the unmet-needs report counts, kept on the caseload row: the need, when it
/// was recorded, and the person's area as the first three characters of a Canadian postal code (the forward sortation
/// area, which covers thousands of households). No details, no person.
/// </summary>
public static class UnmetNeedDigest
{
    public sealed record Entry(string Need, DateTimeOffset At, string? Area);

    /// <summary>The digest of <paramref name="state"/>'s unmet needs, or null when it has none.</summary>
    public static string? Write(JourneyState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.UnmetNeeds.IsEmpty)
        {
            return null;
        }

        var area = AreaOf(state.Client?.PostalCode);
        return JsonSerializer.Serialize(state.UnmetNeeds.Select(u => new Entry(u.Need, u.RecordedAt, area)), JourneyJson.Options);
    }

    /// <exception cref="JsonException">The text is not a digest.</exception>
    public static ImmutableArray<Entry> Read(string digest) => [.. JsonSerializer.Deserialize<Entry[]>(digest, JourneyJson.Options) ?? []];

    /// <summary>The forward sortation area of a Canadian postal code (<c>T5K</c> of <c>t5k 2j1</c>), or null for any other.</summary>
    public static string? AreaOf(string? postalCode)
    {
        var code = string.Concat((postalCode ?? string.Empty).Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        return code.Length >= 3 && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiDigit(code[1]) && char.IsAsciiLetterUpper(code[2]) ? code[..3] : null;
    }
}
