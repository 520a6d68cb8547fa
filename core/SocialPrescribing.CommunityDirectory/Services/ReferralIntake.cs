using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialPrescribing.CommunityDirectory.Services;

/// <summary>
/// Whether a service takes referrals now, and its places: the curation a tenant keeps on its programs. It lives in the
/// service document, where the HSDS API serves it: the places as HSDS 3.1's <c>capacities</c> (a service_capacity in
/// the unit "places": <c>available</c>, <c>maximum</c>, <c>updated</c>), and whether it accepts referrals and keeps a
/// waitlist as <c>referral_intake</c> (<c>accepting</c>, <c>waitlist</c>, <c>updated</c>), an extension HSDS 3 allows.
/// </summary>
public sealed record ReferralIntake(bool Accepting, bool Waitlist, int? AvailablePlaces, int? MaximumPlaces)
{
    public const string IntakeProperty = "referral_intake";

    public const string CapacitiesProperty = "capacities";

    /// <summary>The unit of a service's places, with a fixed id so every service's capacity names the same unit.</summary>
    public static readonly Guid PlacesUnitId = Guid.Parse("5b0c7c1e-2f55-4f5e-9a55-2d6a3c0b6a01");

    /// <summary>What <paramref name="document"/> says of taking referrals, or null when it says nothing.</summary>
    public static ReferralIntake? Of(JsonElement document)
    {
        var intake = document.TryGetProperty(IntakeProperty, out var i) && i.ValueKind == JsonValueKind.Object ? i : (JsonElement?)null;
        var capacity = document.TryGetProperty(CapacitiesProperty, out var c) && c.ValueKind == JsonValueKind.Array && c.GetArrayLength() > 0 ? c[0] : (JsonElement?)null;
        if (intake is null && capacity is null)
        {
            return null;
        }

        return new ReferralIntake(
            intake is not { } a || !a.TryGetProperty("accepting", out var accepting) || accepting.ValueKind != JsonValueKind.False,
            intake is { } w && w.TryGetProperty("waitlist", out var waitlist) && waitlist.ValueKind == JsonValueKind.True,
            Whole(capacity, "available"),
            Whole(capacity, "maximum"));
    }

    /// <summary><paramref name="document"/> (a service) with this intake written into it on <paramref name="today"/>.</summary>
    public JsonObject WriteInto(JsonObject document, Guid serviceId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(document);
        var updated = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        document[IntakeProperty] = new JsonObject { ["accepting"] = Accepting, ["waitlist"] = Waitlist, ["updated"] = updated };
        if (AvailablePlaces is null && MaximumPlaces is null)
        {
            document.Remove(CapacitiesProperty);
            return document;
        }

        var capacity = new JsonObject
        {
            ["id"] = DeterministicId(serviceId).ToString(),
            ["service_id"] = serviceId.ToString(),
            ["unit"] = new JsonObject { ["id"] = PlacesUnitId.ToString(), ["name"] = "places" },
            ["available"] = AvailablePlaces ?? 0,
            ["updated"] = updated,
        };
        if (MaximumPlaces is { } maximum)
        {
            capacity["maximum"] = maximum;
        }

        document[CapacitiesProperty] = new JsonArray(capacity);
        return document;
    }

    private static Guid DeterministicId(Guid serviceId)
    {
        var bytes = serviceId.ToByteArray();
        bytes[0] ^= 0x5a;
        return new Guid(bytes);
    }

    private static int? Whole(JsonElement? element, string name) =>
        element is { } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? (int)number : null;
}
