using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Host.Http;

/// <summary>
/// A text field or query parameter that carries a <typeparamref name="TEnum"/> by its wire name (kebab-case, like
/// <c>no-answer</c>): the OpenAPI document lists exactly those names. The handler still reads the text itself, so a
/// wrong value is a 400 naming the field rather than a failed binding.
/// </summary>
internal sealed class WireEnumAttribute<TEnum> : WireValuesAttribute
    where TEnum : struct, Enum
{
    /// <summary>Wire names the API never takes or gives here, comma-separated (JourneyStatus's <c>none</c>).</summary>
    public string Except { get; init; } = string.Empty;

    public override IReadOnlyList<string> Values =>
        [.. WireNames.All<TEnum>().Except(Except.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal)];
}
