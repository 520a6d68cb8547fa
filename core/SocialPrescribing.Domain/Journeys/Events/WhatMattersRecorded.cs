using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>What matters to the person, in their words.</summary>
[GenerateSerializer, Immutable, Alias("sp.WhatMattersRecorded")]
public sealed record WhatMattersRecorded(
    [property: Id(0)] ImmutableArray<string> Items) : JourneyEvent;
