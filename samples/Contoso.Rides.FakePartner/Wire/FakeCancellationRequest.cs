namespace Contoso.Rides.FakePartner.Wire;

internal sealed record FakeCancellationRequest(string? Reason);
