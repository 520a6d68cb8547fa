namespace SocialPrescribing.Domain.Journeys;

public sealed record ContactRecord(ContactMode Mode, string? Purpose, string? Notes, DateTimeOffset At, string By);
