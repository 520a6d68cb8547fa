namespace SocialPrescribing.Domain.Journeys.Privacy;

/// <summary>A kind of recipient a lock-box directive can withhold information from.</summary>
public enum RecipientRole
{
    /// <summary>The clinician or agency who referred the person.</summary>
    Referrer,

    /// <summary>A community program the person is referred to.</summary>
    CommunityPartner,

    /// <summary>A link worker of the program.</summary>
    LinkWorker,

    /// <summary>A supervisor of the program.</summary>
    Supervisor,
}
