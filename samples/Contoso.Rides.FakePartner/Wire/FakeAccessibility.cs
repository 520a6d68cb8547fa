namespace Contoso.Rides.FakePartner.Wire;

/// <summary>The part of a trip's accessibility the fake prices: <c>none</c>, <c>folding</c> or <c>stays-in-chair</c>.</summary>
internal sealed record FakeAccessibility(string? Wheelchair);
