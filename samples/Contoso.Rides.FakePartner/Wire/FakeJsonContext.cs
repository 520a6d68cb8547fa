using System.Text.Json;
using System.Text.Json.Serialization;

namespace Contoso.Rides.FakePartner.Wire;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(FakeTrip))]
[JsonSerializable(typeof(FakeBookingRequest))]
[JsonSerializable(typeof(FakeCancellationRequest))]
[JsonSerializable(typeof(FakeQuoteAnswer))]
[JsonSerializable(typeof(FakeBookingAnswer))]
internal sealed partial class FakeJsonContext : JsonSerializerContext;
