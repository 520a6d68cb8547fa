namespace SocialPrescribing.Grains.Journeys;

public enum CommandOutcomeKind
{
    /// <summary>Events were appended.</summary>
    Applied,

    /// <summary>The command id had been seen; the first result is returned and nothing appended.</summary>
    Replayed,

    /// <summary>The command was valid but had nothing to do (a first-contact check before the deadline, say).</summary>
    Unchanged,

    /// <summary>The command was refused; see the rejection.</summary>
    Rejected,
}
