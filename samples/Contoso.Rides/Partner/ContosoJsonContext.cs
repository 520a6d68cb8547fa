using System.Text.Json;
using System.Text.Json.Serialization;

namespace Contoso.Rides.Partner;

/// <summary>The partner API's JSON: camelCase, compiled ahead of time.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PartnerTrip))]
[JsonSerializable(typeof(PartnerQuote))]
[JsonSerializable(typeof(PartnerBookingRequest))]
[JsonSerializable(typeof(PartnerBooking))]
[JsonSerializable(typeof(PartnerCancellation))]
internal sealed partial class ContosoJsonContext : JsonSerializerContext;
