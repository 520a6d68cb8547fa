namespace SocialPrescribing.Documents;

/// <summary>The referral that opened the journey, and the first-contact promise that follows from it.</summary>
public sealed record DocumentReferral
{
    /// <summary>The journey id, which the referrer and the program quote to each other.</summary>
    public required string Reference { get; init; }

    /// <summary>The date the referral arrived, in the tenant's time zone.</summary>
    public required string ReceivedOn { get; init; }

    /// <summary>Who referred, as a label like <c>family physician</c> or <c>médecin de famille</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The reasons for referral as labels in the document's language.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>Business days within which a link worker first contacts the person.</summary>
    public required int FirstContactBusinessDays { get; init; }

    /// <summary>The first-contact deadline's date once the referral is accepted; null before.</summary>
    public string? FirstContactDueOn { get; init; }
}
