namespace Contoso.Rides.FakePartner.Wire;

internal sealed record FakeReturnLeg(FakeWindow? PickupWindow);
