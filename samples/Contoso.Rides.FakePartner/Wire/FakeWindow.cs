namespace Contoso.Rides.FakePartner.Wire;

internal sealed record FakeWindow(DateTimeOffset From, DateTimeOffset To);
