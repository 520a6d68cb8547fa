namespace SocialPrescribing.Domain.Journeys;

public enum RejectionKind
{
    /// <summary>The journey does not exist.</summary>
    NotFound,

    /// <summary>The command is not allowed in the journey's current state.</summary>
    Conflict,

    /// <summary>A field of the command is wrong for this journey (for example an unknown community referral).</summary>
    Invalid,

    /// <summary>The actor may not give this command (for example, only a supervisor acknowledges a safety alert).</summary>
    Forbidden,

    /// <summary>The command's id (its Idempotency-Key) was first used for a different request.</summary>
    KeyReused,
}
