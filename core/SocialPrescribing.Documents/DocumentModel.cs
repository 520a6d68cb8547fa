namespace SocialPrescribing.Documents;

/// <summary>
/// Everything a document template may show, already put into words and dates for one language.
/// Templates see the properties in snake_case (<c>client.given_name</c>, <c>follow_ups</c>).
/// </summary>
/// <remarks>
/// Strings hold plain text, not HTML: the renderer encodes every value a template writes out.
/// The model carries only what documents need: the person's full name and birth date (the two identifiers a letter
/// to a clinician must carry), but no phone, email, postal code or notes, so no template can leak them.
/// </remarks>
public sealed record DocumentModel
{
    /// <summary>The language the words and dates are in: <c>en</c> or <c>fr</c>.</summary>
    public required string Lang { get; init; }

    /// <summary>The date the document was produced, in the tenant's time zone, like <c>March 3, 2025</c>.</summary>
    public required string GeneratedOn { get; init; }

    public required DocumentProgram Program { get; init; }

    public required DocumentClient Client { get; init; }

    public required DocumentReferrer Referrer { get; init; }

    public required DocumentReferral Referral { get; init; }

    /// <summary>The assigned link worker's id, or null while none is assigned. An internal id: documents show <see cref="LinkWorkerName"/>.</summary>
    public string? LinkWorkerId { get; init; }

    /// <summary>The assigned link worker's name as their account gives it, or null while none is assigned or known.</summary>
    public string? LinkWorkerName { get; init; }

    /// <summary>What matters to the person, in their words.</summary>
    public IReadOnlyList<string> WhatMatters { get; init; } = [];

    /// <summary>The goals of the agreed plan, in the person's words.</summary>
    public IReadOnlyList<string> Goals { get; init; } = [];

    /// <summary>The community programs the person was referred to, oldest first.</summary>
    public IReadOnlyList<DocumentCommunityReferral> CommunityReferrals { get; init; } = [];

    /// <summary>Follow-ups due on or after the day the document is produced, soonest first.</summary>
    public IReadOnlyList<DocumentFollowUp> FollowUps { get; init; } = [];

    /// <summary>Trips booked for the person that may still happen, soonest first.</summary>
    public IReadOnlyList<DocumentTrip> Trips { get; init; } = [];

    /// <summary>How the journey ended; null while it is open.</summary>
    public DocumentClosure? Closure { get; init; }

    /// <summary>Each measure taken more than once: its first and last scores.</summary>
    public IReadOnlyList<DocumentOutcome> Outcomes { get; init; } = [];

    /// <summary>
    /// When the person's lock-box directives withhold part of the record from whoever produces the document, the
    /// words saying so (in <see cref="Lang"/>), which a template must show; null otherwise. The withheld parts are
    /// already missing from the model.
    /// </summary>
    public string? WithheldNotice { get; init; }
}
