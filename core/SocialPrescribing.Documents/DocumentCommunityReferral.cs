namespace SocialPrescribing.Documents;

/// <summary>A community program the person was connected to.</summary>
/// <param name="ProgramName">The program's name.</param>
/// <param name="Organization">Who runs it, when known.</param>
/// <param name="Status">The status code, like <c>in-progress</c>; handy as a CSS class.</param>
/// <param name="StatusLabel">The status in words, in the document's language.</param>
public sealed record DocumentCommunityReferral(string ProgramName, string? Organization, string Status, string StatusLabel)
{
    /// <summary>What the directory says of the program, when the referral names a service of the directory.</summary>
    public DocumentProgramDetails? Details { get; init; }

    /// <summary>True when the person started or finished the program (in progress or completed).</summary>
    public bool Connected { get; init; }

    /// <summary>True while the referral is open (neither finished nor closed).</summary>
    public bool Open { get; init; }
}
