namespace SocialPrescribing.Abstractions.Transport;

/// <summary>A span of time something may happen in, both ends included.</summary>
/// <param name="Start">The earliest instant.</param>
/// <param name="End">The latest instant; not before <paramref name="Start"/>.</param>
public sealed record TimeWindow(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>True when <see cref="End"/> is not before <see cref="Start"/>.</summary>
    public bool IsValid => End >= Start;

    /// <summary>True when <paramref name="instant"/> lies in the window, both ends included.</summary>
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant <= End;
}
