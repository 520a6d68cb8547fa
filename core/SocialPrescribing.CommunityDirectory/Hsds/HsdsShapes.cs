using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialPrescribing.CommunityDirectory.Hsds;

/// <summary>
/// The shapes the HSDS 3 API gives its records (its <c>*_list</c> and full forms), built from the documents the
/// directory keeps. A list gives each record's one-to-one fields (nested objects too, without their arrays); a full
/// record nests everything.
/// </summary>
public static class HsdsShapes
{
    /// <summary><paramref name="record"/> without its arrays, and its nested objects without theirs.</summary>
    public static JsonObject OneToOne(JsonElement record)
    {
        var shaped = new JsonObject();
        foreach (var property in record.EnumerateObject())
        {
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Array:
                    break;
                case JsonValueKind.Object:
                    shaped[property.Name] = OneToOne(property.Value);
                    break;
                default:
                    shaped[property.Name] = JsonNode.Parse(property.Value.GetRawText());
                    break;
            }
        }

        return shaped;
    }

    /// <summary><paramref name="record"/> whole, less the properties named.</summary>
    public static JsonObject Without(JsonElement record, params ReadOnlySpan<string> names)
    {
        var shaped = JsonNode.Parse(record.GetRawText())!.AsObject();
        foreach (var name in names)
        {
            shaped.Remove(name);
        }

        return shaped;
    }

    /// <summary>
    /// The service at location <paramref name="id"/> of <paramref name="service"/> as the HSDS API gives it: whole,
    /// with the service nested (less its own locations), or its one-to-one fields with the location's and the
    /// service's. Null when the service has no such location.
    /// </summary>
    public static JsonObject? ServiceAtLocation(JsonElement service, Guid id, bool full)
    {
        if (!service.TryGetProperty("service_at_locations", out var places) || places.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var place in places.EnumerateArray())
        {
            if (place.ValueKind == JsonValueKind.Object && place.TryGetProperty("id", out var placeId) && placeId.ValueKind == JsonValueKind.String
                && Guid.TryParse(placeId.GetString(), out var parsed) && parsed == id)
            {
                var shaped = full ? Without(place) : OneToOne(place);
                shaped["service_id"] ??= service.GetProperty("id").GetString();
                shaped["service"] = full ? Without(service, "service_at_locations") : OneToOne(service);
                return shaped;
            }
        }

        return null;
    }

    /// <summary>A service as its organization nests it: whole or its one-to-one fields, less the organization.</summary>
    public static JsonObject ServiceOfOrganization(JsonElement service, bool full)
    {
        var shaped = full ? Without(service, "organization") : OneToOne(service);
        shaped.Remove("organization");
        return shaped;
    }
}
