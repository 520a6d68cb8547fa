using System.Collections.Frozen;

namespace SocialPrescribing.Domain.Journeys.Privacy;

/// <summary>
/// What of a journey may be disclosed to one recipient under the person's lock-box directives: the one answer every
/// read path (API, documents, reports, partner views, the message back to the referrer) asks before it shows a part
/// of the record. A path that leaves a part out must say so with <see cref="Notice"/>, which tells the recipient that
/// something is withheld without saying what or by which directive.
/// </summary>
public sealed class Disclosure
{
    /// <summary>The words a read path shows when anything is withheld from its recipient.</summary>
    public const string Notice = "Some information in this record is withheld at the person's request.";

    private readonly FrozenSet<RecordPart> _withheld;

    private Disclosure(FrozenSet<RecordPart> withheld) => _withheld = withheld;

    /// <summary>True when at least one part is withheld from the recipient, which is when <see cref="Notice"/> is due.</summary>
    public bool AnyWithheld => _withheld.Count > 0;

    /// <summary>The withheld parts, in the order of <see cref="RecordPart"/>.</summary>
    public IReadOnlyList<RecordPart> WithheldParts => [.. _withheld.Order()];

    /// <summary>What <paramref name="state"/>'s directives in force allow <paramref name="recipient"/> to see.</summary>
    public static Disclosure To(JourneyState state, Recipient recipient) =>
        new(state.WithholdingDirectives
            .Where(d => d.AppliesTo(recipient))
            .SelectMany(d => d.Parts)
            .ToFrozenSet());

    public bool IsWithheld(RecordPart part) => _withheld.Contains(part);
}
