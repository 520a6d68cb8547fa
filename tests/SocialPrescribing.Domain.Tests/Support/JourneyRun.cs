using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Events;

namespace SocialPrescribing.Domain.Tests.Support;

/// <summary>The outcome of running a <see cref="JourneyScript"/>.</summary>
public sealed record JourneyRun(IReadOnlyList<DecidedStep> Steps, IReadOnlyList<JourneyEvent> Appended, JourneyState Final);
