namespace SocialPrescribing.Domain.Journeys.Privacy;

/// <summary>A part of the person's record that a lock-box directive can withhold.</summary>
public enum RecordPart
{
    /// <summary>Assessments: responses, scores and bands.</summary>
    Assessments,

    /// <summary>Free-text notes: on the referral, contacts, attempts, follow-ups and community referrals.</summary>
    Notes,

    /// <summary>What matters to the person, and their barriers and preferences.</summary>
    WhatMatters,

    /// <summary>The agreed plan's goals.</summary>
    Plan,

    /// <summary>The contacts with the person and the attempts to reach them.</summary>
    Contacts,

    /// <summary>The community referrals and their progress.</summary>
    CommunityReferrals,

    /// <summary>Documents rendered from the record (letters, summaries).</summary>
    Documents,
}
