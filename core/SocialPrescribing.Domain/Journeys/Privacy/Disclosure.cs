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

    /// <summary>Nothing withheld: what the person's own program sees on their behalf, and the host's jobs.</summary>
    public static readonly Disclosure Everything = new(FrozenSet<RecordPart>.Empty, FrozenSet<Guid>.Empty);

    private readonly FrozenSet<RecordPart> _withheld;

    private readonly FrozenSet<Guid> _directives;

    private Disclosure(FrozenSet<RecordPart> withheld, FrozenSet<Guid> directives)
    {
        _withheld = withheld;
        _directives = directives;
    }

    /// <summary>True when at least one part is withheld from the recipient, which is when <see cref="Notice"/> is due.</summary>
    public bool AnyWithheld => _withheld.Count > 0;

    /// <summary>The withheld parts, in the order of <see cref="RecordPart"/>.</summary>
    public IReadOnlyList<RecordPart> WithheldParts => [.. _withheld.Order()];

    /// <summary>What <paramref name="state"/>'s directives in force allow <paramref name="recipient"/> to see.</summary>
    public static Disclosure To(JourneyState state, Recipient recipient) => To(state, [recipient]);

    /// <summary>
    /// What <paramref name="state"/>'s directives allow a recipient who is each of <paramref name="recipients"/> at once
    /// (a user holding two roles) to see: a part withheld from any of them is withheld.
    /// </summary>
    public static Disclosure To(JourneyState state, IReadOnlyCollection<Recipient> recipients)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(recipients);
        var applied = state.WithholdingDirectives.Where(d => recipients.Any(d.AppliesTo)).ToList();
        return applied.Count == 0 ? Everything : new(applied.SelectMany(d => d.Parts).ToFrozenSet(), applied.Select(d => d.Id).ToFrozenSet());
    }

    public bool IsWithheld(RecordPart part) => _withheld.Contains(part);

    /// <summary>
    /// Whether the directive is one of those that withhold from this recipient: such a directive is itself withheld
    /// from them, since it says what is withheld.
    /// </summary>
    public bool Applies(Guid directiveId) => _directives.Contains(directiveId);
}
