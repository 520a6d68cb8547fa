namespace Contoso.Rides.FakePartner.Wire;

/// <summary>The fields of a trip the fake reads; it ignores the rest (rider, addresses), as a dispatcher's screen would not.</summary>
internal sealed record FakeTrip(string? CustomerRef, FakeWindow? PickupWindow, FakeReturnLeg? Return, FakeAccessibility? Accessibility)
{
    public bool IsComplete => !string.IsNullOrWhiteSpace(CustomerRef) && PickupWindow is not null && Accessibility is not null
        && (Return is null || Return.PickupWindow is not null);
}
