using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Journeys.Transport;
using SocialPrescribing.Domain.Tests.Support;

namespace SocialPrescribing.Domain.Tests.Journeys;

public sealed class TransportTests
{
    [Fact]
    public void A_requested_trip_is_kept_with_its_details_and_waits_for_the_partner()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged);
        var command = Commands.Trip(Fixed.Now);

        var requested = DecisionAssert.Appended<TransportRequested>(JourneyDecider.Decide(journey.State, command, journey.Context));
        var trip = Assert.Single(journey.State.Apply(requested).Trips);

        Assert.Equal(("contoso-rides", TransportTripStatus.Requested, "q-123"), (trip.Partner, trip.Status, trip.QuoteReference));
        Assert.Equal(command.Details, trip.Details);
        Assert.True(trip.IsOpen);
    }

    [Fact]
    public void The_partners_confirmation_and_failure_land_on_a_requested_trip_once()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).RequestTrip();
        var id = journey.LastTripId;

        var confirmed = DecisionAssert.Appended<TransportConfirmed>(JourneyDecider.Decide(journey.State, Commands.TripConfirmed(id), journey.Context));
        var state = journey.State.Apply(confirmed);

        Assert.Equal((TransportTripStatus.Confirmed, "CR-881"), (state.Trips[0].Status, state.Trips[0].PartnerReference));
        DecisionAssert.NothingToDo(JourneyDecider.Decide(state, Commands.TripFailed(id), journey.Context));
        var failed = DecisionAssert.Appended<TransportFailed>(JourneyDecider.Decide(journey.State, Commands.TripFailed(id), journey.Context));
        Assert.Equal(TransportTripStatus.Failed, journey.State.Apply(failed).Trips[0].Status);
    }

    [Fact]
    public void A_trip_cancelled_while_its_booking_was_under_way_stays_cancelled()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).RequestTrip();
        var id = journey.LastTripId;
        journey.Then(Commands.CancelTrip(id));

        DecisionAssert.NothingToDo(JourneyDecider.Decide(journey.State, Commands.TripConfirmed(id), journey.Context));
        Assert.Equal(TransportTripStatus.Cancelled, journey.State.Trips[0].Status);
    }

    [Fact]
    public void Cancelling_a_trip_that_is_not_open_or_not_there_is_refused()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).RequestTrip().RequestTrip();
        var first = journey.State.Trips[0].Id;
        journey.Then(Commands.CancelTrip(first));

        var again = DecisionAssert.Rejected(JourneyDecider.Decide(journey.State, Commands.CancelTrip(first), journey.Context), RejectionKind.Conflict);
        var unknown = DecisionAssert.Rejected(JourneyDecider.Decide(journey.State, Commands.CancelTrip(Guid.NewGuid()), journey.Context), RejectionKind.Invalid);

        Assert.Equal("tripId", again.Field);
        Assert.Equal("tripId", unknown.Field);
    }

    [Fact]
    public void A_pickup_window_that_is_over_or_inside_out_is_an_invalid_field()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged);
        var trip = Commands.Trip(Fixed.Now);
        var past = trip with { Details = trip.Details with { PickupWindow = new TripWindow(Fixed.Now.AddHours(-2), Fixed.Now.AddHours(-1)) } };
        var insideOut = trip with { Details = trip.Details with { PickupWindow = new TripWindow(Fixed.Now.AddDays(2), Fixed.Now.AddDays(1)) } };
        var returnFirst = trip with { Details = trip.Details with { ReturnPickupWindow = new TripWindow(Fixed.Now, Fixed.Now.AddMinutes(10)) } };

        Assert.Equal("pickupWindow", DecisionAssert.Rejected(JourneyDecider.Decide(journey.State, past, journey.Context), RejectionKind.Invalid).Field);
        Assert.Equal("pickupWindow", DecisionAssert.Rejected(JourneyDecider.Decide(journey.State, insideOut, journey.Context), RejectionKind.Invalid).Field);
        Assert.Equal("return.pickupWindow", DecisionAssert.Rejected(JourneyDecider.Decide(journey.State, returnFirst, journey.Context), RejectionKind.Invalid).Field);
    }

    [Fact]
    public void Closing_the_journey_cancels_its_open_trips_but_not_finished_ones()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).RequestTrip().RequestTrip();
        journey.Then(Commands.TripFailed(journey.State.Trips[0].Id));

        journey.Discharge();

        Assert.Equal([TransportTripStatus.Failed, TransportTripStatus.Cancelled], journey.State.Trips.Select(t => t.Status));
        Assert.Equal("The journey closed.", journey.State.Trips[1].Reason);
    }
}
