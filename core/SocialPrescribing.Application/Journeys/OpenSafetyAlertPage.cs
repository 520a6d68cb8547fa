using System.Collections.Immutable;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Application.Journeys;

/// <summary>A page of the program's open safety alerts: its journeys, each with its open alerts, and how many journeys have any.</summary>
public sealed record OpenSafetyAlertPage(IReadOnlyList<OpenSafetyAlertsOfJourney> Journeys, long Total);

/// <summary>A journey's caseload row and its open safety alerts, oldest first.</summary>
public sealed record OpenSafetyAlertsOfJourney(JourneyListItem Row, ImmutableArray<SafetyAlert> Alerts);
