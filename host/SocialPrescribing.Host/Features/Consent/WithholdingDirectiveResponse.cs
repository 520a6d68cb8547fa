using SocialPrescribing.Domain.Journeys.Privacy;

namespace SocialPrescribing.Host.Features.Consent;

/// <summary>A lock-box directive in force: what is withheld from whom, since when, and who recorded it.</summary>
internal sealed record WithholdingDirectiveResponse(
    Guid DirectiveId,
    IReadOnlyList<RecordPart> Parts,
    IReadOnlyList<RecipientRole> Roles,
    IReadOnlyList<string> RecipientIds,
    DateTimeOffset WithheldAt,
    string WithheldBy)
{
    public static WithholdingDirectiveResponse From(WithholdingDirective d) =>
        new(d.Id, d.Parts, d.Roles, d.RecipientIds, d.WithheldAt, d.WithheldBy);
}
