using System.Text.Json;
using System.Text.Json.Serialization;
using SocialPrescribing.Domain.Journeys.Events;

namespace SocialPrescribing.Domain.Journeys;

/// <summary>
/// The one JSON shape of journey data, used for stored events and the API alike: camelCase names,
/// kebab-case enum values, ISO dates.
/// </summary>
public static class JourneyJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static string Serialize(JourneyEvent e) => JsonSerializer.Serialize(e, Options);

    public static JourneyEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<JourneyEvent>(json, Options) ?? throw new JsonException("A stored event was null.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            // A store may reorder keys (PostgreSQL jsonb does); the discriminator need not come first.
            AllowOutOfOrderMetadataProperties = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
