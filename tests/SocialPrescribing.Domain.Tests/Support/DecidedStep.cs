using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;

namespace SocialPrescribing.Domain.Tests.Support;

/// <summary>A command as it was decided: the state it met, the world it was decided in, and the outcome.</summary>
public sealed record DecidedStep(JourneyState Before, JourneyCommand Command, DecisionContext Context, Decision Decision);
