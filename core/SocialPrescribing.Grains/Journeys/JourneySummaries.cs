using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Outcomes;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Grains.Journeys;

internal static class JourneySummaries
{
    public static JourneySummary From(JourneyState state) => new(
        WireNames.Of(state.Status),
        state.LinkWorkerId,
        $"{state.Client!.GivenName} {state.Client.FamilyName}",
        state.ReferredAt!.Value,
        state.FirstContactDueAt,
        state.FirstContactOverdueAt is not null,
        state.AwaitsFirstContactCheck,
        state.UpdatedAt)
    {
        OpenSafetyAlerts = state.OpenSafetyAlerts,
        TripsAwaitingPartner = state.Trips.Count(t => t.Status == SocialPrescribing.Domain.Journeys.Transport.TransportTripStatus.Requested),
        AssessmentDigest = AssessmentDigest.Write(state.Assessments),
    };
}
