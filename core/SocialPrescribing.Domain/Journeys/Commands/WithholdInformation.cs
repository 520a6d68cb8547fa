using System.Collections.Immutable;
using SocialPrescribing.Domain.Journeys.Privacy;

namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Puts parts of the record in a lock-box: withheld from recipients in the given roles and from the named ones.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.WithholdInformation")]
public sealed record WithholdInformation(
    [property: Id(0)] ImmutableArray<RecordPart> Parts,
    [property: Id(1)] ImmutableArray<RecipientRole> Roles,
    [property: Id(2)] ImmutableArray<string> RecipientIds) : JourneyCommand
{
    public override string Name => JourneyCommandNames.WithholdInformation;
}
