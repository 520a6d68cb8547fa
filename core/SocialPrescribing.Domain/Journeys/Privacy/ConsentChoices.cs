using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Journeys.Privacy;

/// <summary>
/// What the person has agreed to: sharing with the referrer, how they may be contacted, and research use. Recording
/// consent states all three; a later recording replaces the earlier one whole.
/// </summary>
[GenerateSerializer, Immutable, Alias("sp.ConsentChoices")]
public sealed record ConsentChoices(
    [property: Id(0)] ReferrerSharing ReferrerSharing,
    [property: Id(1)] ContactPreferences Contact,
    [property: Id(2)] bool ResearchUse)
{
    /// <summary>
    /// What holds before any consent is recorded, chosen so that nothing is disclosed that the person has not agreed
    /// to: nothing shared with the referrer and no research use. Contact is allowed, because the referral itself is
    /// made with the person's agreement to be contacted about it.
    /// </summary>
    public static readonly ConsentChoices Default = new(ReferrerSharing.None, ContactPreferences.Any, false);

    /// <summary>Whether <paramref name="scope"/> is currently agreed to, so that withdrawing it would change something.</summary>
    public bool Grants(ConsentScope scope) => scope switch
    {
        ConsentScope.ReferrerSharing => ReferrerSharing != ReferrerSharing.None,
        ConsentScope.Contact => !Contact.DoNotContact,
        ConsentScope.Research => ResearchUse,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };

    /// <summary>These choices with <paramref name="scopes"/> withdrawn; a scope not granted stays as it is.</summary>
    public ConsentChoices Without(ImmutableArray<ConsentScope> scopes) => this with
    {
        ReferrerSharing = scopes.Contains(ConsentScope.ReferrerSharing) ? ReferrerSharing.None : ReferrerSharing,
        Contact = scopes.Contains(ConsentScope.Contact) ? Contact with { DoNotContact = true } : Contact,
        ResearchUse = ResearchUse && !scopes.Contains(ConsentScope.Research),
    };
}
