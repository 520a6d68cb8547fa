using SocialPrescribing.Domain.Journeys.Events;

namespace SocialPrescribing.Domain.Tests.Support;

/// <summary>Every concrete event type the domain defines, found by reflection so a new one cannot be forgotten.</summary>
public static class JourneyEventTypes
{
    public static readonly IReadOnlyList<Type> All = [.. typeof(JourneyEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(JourneyEvent)) && !t.IsAbstract)
        .OrderBy(t => t.Name, StringComparer.Ordinal)];
}
