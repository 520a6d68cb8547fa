using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Journeys.Privacy;

/// <summary>
/// A lock-box directive in force: the person withholds <see cref="Parts"/> of their record from every recipient in
/// one of <see cref="Roles"/> and from each recipient named in <see cref="RecipientIds"/> (a user or organization id).
/// </summary>
[GenerateSerializer, Immutable, Alias("sp.WithholdingDirective")]
public sealed record WithholdingDirective(
    [property: Id(0)] Guid Id,
    [property: Id(1)] ImmutableArray<RecordPart> Parts,
    [property: Id(2)] ImmutableArray<RecipientRole> Roles,
    [property: Id(3)] ImmutableArray<string> RecipientIds,
    [property: Id(4)] DateTimeOffset WithheldAt,
    [property: Id(5)] string WithheldBy)
{
    /// <summary>
    /// Whether the directive reaches <paramref name="recipient"/>: by role, or by any of its ids. Ids compare without
    /// regard to case, so a directive naming <c>Rideau-FHT</c> also withholds from <c>rideau-fht</c>: a near miss
    /// errs towards withholding.
    /// </summary>
    public bool AppliesTo(Recipient recipient) =>
        Roles.Contains(recipient.Role) || recipient.Ids.Any(id => RecipientIds.Contains(id, StringComparer.OrdinalIgnoreCase));
}
