using System.Collections.Immutable;
using SocialPrescribing.Domain.Journeys.Privacy;

namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>The person withheld parts of their record from recipients in some roles and from named recipients (a lock-box directive).</summary>
[GenerateSerializer, Immutable, Alias("sp.InformationWithheld")]
public sealed record InformationWithheld(
    [property: Id(0)] Guid DirectiveId,
    [property: Id(1)] ImmutableArray<RecordPart> Parts,
    [property: Id(2)] ImmutableArray<RecipientRole> Roles,
    [property: Id(3)] ImmutableArray<string> RecipientIds) : JourneyEvent;
