namespace SocialPrescribing.Domain.Journeys;

[GenerateSerializer, Immutable, Alias("sp.ContactRecord")]
public sealed record ContactRecord([property: Id(0)] ContactMode Mode, [property: Id(1)] string? Purpose, [property: Id(2)] string? Notes, [property: Id(3)] DateTimeOffset At, [property: Id(4)] string By);
