namespace SocialPrescribing.Domain.Journeys;

/// <summary>A planned follow-up contact, and when it was done.</summary>
public sealed record FollowUp(Guid Id, DateOnly DueOn, DateTimeOffset ScheduledAt)
{
    public DateTimeOffset? CompletedAt { get; init; }

    public string? Notes { get; init; }

    public bool IsOpen => CompletedAt is null;
}
