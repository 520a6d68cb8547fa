using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

/// <summary>The answer to a command: where the journey stands after it and the events it appended.</summary>
internal sealed record CommandResponse(
    Guid JourneyId,
    string Command,
    [property: WireEnum<JourneyStatus>(Except = "none")] string Status,
    long Version,
    bool Replayed,
    IReadOnlyList<TimelineEntry> Events,
    IReadOnlyList<string> AllowedCommands);
