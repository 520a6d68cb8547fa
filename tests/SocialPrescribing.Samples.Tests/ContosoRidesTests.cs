using System.Diagnostics;
using Contoso.Rides.FakePartner;
using Microsoft.Extensions.Options;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Abstractions.Transport;
using SocialPrescribing.Plugins;
using SocialPrescribing.Samples.Tests.Support;

namespace SocialPrescribing.Samples.Tests;

/// <summary>
/// The Contoso Rides sample against the fake partner on loopback, called as the host calls it: through the
/// invoker, for tenants ab and on, each with its own account at the partner.
/// </summary>
public sealed class ContosoRidesTests : IAsyncLifetime
{
    private static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(30);

    private readonly SamplePlugins _plugins = new SamplePlugins().Add(SamplePlugins.ContosoRides);
    private FakePartnerServer _partner = null!;
    private PluginHarness _harness = null!;

    public async ValueTask InitializeAsync()
    {
        _partner = await FakePartnerServer.StartAsync([ContosoConfig.AbKey, ContosoConfig.OnKey], SlowAnswer, TestContext.Current.CancellationToken);
        _harness = new PluginHarness(_plugins, ContosoConfig.For(_partner.BaseUrl));
    }

    public async ValueTask DisposeAsync()
    {
        _harness.Dispose();
        await _partner.DisposeAsync();
        _plugins.Dispose();
    }

    private Task<T> CallAsync<T>(TenantId tenant, string operation, Func<ITransportPartner, CancellationToken, Task<T>> call)
    {
        var partner = _harness.Catalog.Find<ITransportPartner>(tenant, "contoso-rides");
        Assert.NotNull(partner);
        return _harness.Invoker.InvokeAsync(partner, operation, call, cancellationToken: TestContext.Current.CancellationToken);
    }

    private Task<TripQuote> QuoteAsync(TenantId tenant, TripRequest trip) => CallAsync(tenant, "quote", (p, ct) => p.QuoteAsync(trip, ct));

    private Task<TripBooking> BookAsync(TenantId tenant, TripBookingRequest request) => CallAsync(tenant, "book", (p, ct) => p.BookAsync(request, ct));

    [Fact]
    public async Task A_quote_is_priced_for_the_trip_and_its_mobility_needs()
    {
        var accessible = await QuoteAsync(TestTenants.Ab, Trips.ToTheCommunityHall(WheelchairUse.StaysInChair));
        var folding = await QuoteAsync(TestTenants.Ab, Trips.ToTheCommunityHall(WheelchairUse.Transfers));

        Assert.True(accessible.Available);
        Assert.StartsWith("Q-", accessible.QuoteReference, StringComparison.Ordinal);
        Assert.Equal(new TripFare(31.00m, "CAD", "program"), accessible.Fare);
        Assert.Equal(Trips.Pickup, accessible.EstimatedPickup);
        Assert.NotNull(accessible.ExpiresAt);
        Assert.Equal(new TripFare(19.00m, "CAD", "program"), folding.Fare);
    }

    [Fact]
    public async Task Booking_twice_with_the_same_idempotency_key_books_once()
    {
        var trip = Trips.ToTheCommunityHall();
        var quote = await QuoteAsync(TestTenants.Ab, trip);

        var first = await BookAsync(TestTenants.Ab, Trips.Booking(trip, "journey-1/trip-1", quote.QuoteReference));
        var retry = await BookAsync(TestTenants.Ab, Trips.Booking(trip, "journey-1/trip-1", quote.QuoteReference));

        Assert.Equal(first, retry);
        Assert.Equal(TripStatus.Confirmed, first.Status);
        Assert.Equal((Trips.Pickup, Trips.ReturnPickup), (first.ScheduledPickup, first.ScheduledReturnPickup));
        Assert.Equal(new TripFare(31.00m, "CAD", "program"), first.Fare);
        var booked = Assert.Single(_partner.State.Bookings);
        Assert.Equal(
            (first.PartnerReference, "journey-1/trip-1", ContosoConfig.AbKey, trip.TripId.ToString("D")),
            (booked.Id, booked.IdempotencyKey, booked.Account, booked.CustomerRef));
    }

    [Fact]
    public async Task Another_idempotency_key_is_another_booking()
    {
        var trip = Trips.ToTheCommunityHall();

        var first = await BookAsync(TestTenants.Ab, Trips.Booking(trip, "trip-1/outbound"));
        var second = await BookAsync(TestTenants.Ab, Trips.Booking(trip, "trip-1/again"));

        Assert.NotEqual(first.PartnerReference, second.PartnerReference);
        Assert.Equal(2, _partner.State.Bookings.Count);
    }

    [Fact]
    public async Task A_booking_is_cancelled_once_and_reads_back_cancelled()
    {
        var booking = await BookAsync(TestTenants.Ab, Trips.Booking(Trips.ToTheCommunityHall(), "trip-2"));
        var cancellation = new TripCancellationRequest { PartnerReference = booking.PartnerReference, IdempotencyKey = "trip-2/cancel", Reason = "The program is closed that day." };

        var cancelled = await CallAsync(TestTenants.Ab, "cancel", (p, ct) => p.CancelAsync(cancellation, ct));
        var again = await CallAsync(TestTenants.Ab, "cancel", (p, ct) => p.CancelAsync(cancellation, ct));
        var status = await CallAsync(TestTenants.Ab, "status", (p, ct) => p.GetStatusAsync(booking.PartnerReference, ct));

        Assert.Equal(TripStatus.Cancelled, cancelled.Status);
        Assert.Equal(cancelled, again);
        Assert.Equal(cancelled, status);
        Assert.Equal("Cancelled: The program is closed that day.", status.Message);
    }

    [Theory]
    [InlineData("en-route", TripStatus.InProgress)]
    [InlineData("on-board", TripStatus.InProgress)]
    [InlineData("completed", TripStatus.Completed)]
    [InlineData("no-show", TripStatus.NoShow)]
    public async Task The_status_follows_the_partners_dispatch(string partnerState, TripStatus expected)
    {
        var booking = await BookAsync(TestTenants.Ab, Trips.Booking(Trips.ToTheCommunityHall(), "trip-3"));
        _partner.State.Advance(booking.PartnerReference, partnerState);

        var status = await CallAsync(TestTenants.Ab, "status", (p, ct) => p.GetStatusAsync(booking.PartnerReference, ct));

        Assert.Equal(expected, status.Status);
    }

    [Fact]
    public async Task A_partner_without_a_vehicle_refuses_the_quote_and_declines_the_booking_as_results()
    {
        _partner.State.SetBehaviour(ContosoConfig.AbKey, FakeBehaviour.Decline);
        var trip = Trips.ToTheCommunityHall();

        var quote = await QuoteAsync(TestTenants.Ab, trip);
        var booking = await BookAsync(TestTenants.Ab, Trips.Booking(trip, "trip-4"));

        Assert.Equal((false, "No accessible vehicle is free in that window.", null), (quote.Available, quote.UnavailableReason, quote.Fare));
        Assert.Equal(TripStatus.Declined, booking.Status);
        Assert.Equal("No accessible vehicle is free in that window.", booking.Message);
    }

    [Fact]
    public async Task A_partner_error_is_a_failed_call_for_that_tenant_only()
    {
        _partner.State.SetBehaviour(ContosoConfig.AbKey, FakeBehaviour.Fail);
        var trip = Trips.ToTheCommunityHall();

        var error = await Assert.ThrowsAsync<PluginCallException>(() => BookAsync(TestTenants.Ab, Trips.Booking(trip, "trip-5")));
        var other = await BookAsync(TestTenants.On, Trips.Booking(trip, "trip-5"));

        Assert.Equal(
            (PluginCallFailure.Faulted, "contoso-rides", TestTenants.Ab, "book", "Contoso.Rides.ContosoRidesException"),
            (error.Reason, error.PluginId, error.Tenant, error.Operation, error.FaultType));
        Assert.Equal(TripStatus.Confirmed, other.Status);
        Assert.Equal(ContosoConfig.OnKey, Assert.Single(_partner.State.Bookings).Account);
        Assert.Equal(1, _harness.Invoker.Health("contoso-rides", TestTenants.Ab).Failures);
        Assert.Equal(0, _harness.Invoker.Health("contoso-rides", TestTenants.On).Failures);
    }

    [Fact]
    public async Task A_slow_partner_times_out_without_holding_up_other_calls()
    {
        // Warm: the catalog built, each tenant's first connection made.
        await QuoteAsync(TestTenants.Ab, Trips.ToTheCommunityHall());
        await QuoteAsync(TestTenants.On, Trips.ToTheCommunityHall());
        _partner.State.SetBehaviour(ContosoConfig.AbKey, FakeBehaviour.Slow);
        var clock = Stopwatch.StartNew();

        var slow = QuoteAsync(TestTenants.Ab, Trips.ToTheCommunityHall());
        var other = await QuoteAsync(TestTenants.On, Trips.ToTheCommunityHall());
        var slowStillWaiting = !slow.IsCompleted;
        var error = await Assert.ThrowsAsync<PluginCallException>(() => slow);
        var answeredSlow = clock.Elapsed;

        Assert.True(other.Available);
        Assert.True(slowStillWaiting, "The other tenant was answered only after the slow call ended.");
        Assert.Equal((PluginCallFailure.Timeout, "quote"), (error.Reason, error.Operation));
        Assert.True(
            answeredSlow >= PluginHarness.CallTimeout - TimeSpan.FromMilliseconds(100) && answeredSlow < SlowAnswer / 2,
            $"The slow call was given up after {answeredSlow}.");

        _partner.State.SetBehaviour(ContosoConfig.AbKey, FakeBehaviour.Normal);
        Assert.True((await QuoteAsync(TestTenants.Ab, Trips.ToTheCommunityHall())).Available);
        Assert.Equal("closed", _harness.Invoker.Health("contoso-rides", TestTenants.Ab).Circuit);
    }

    [Fact]
    public async Task A_booking_the_partner_does_not_know_is_a_failed_call()
    {
        var error = await Assert.ThrowsAsync<PluginCallException>(() =>
            CallAsync(TestTenants.Ab, "status", (p, ct) => p.GetStatusAsync("CR-999999", ct)));

        Assert.Equal(PluginCallFailure.Faulted, error.Reason);
    }

    [Fact]
    public async Task A_tenant_sees_only_its_own_account_s_bookings()
    {
        var booking = await BookAsync(TestTenants.Ab, Trips.Booking(Trips.ToTheCommunityHall(), "trip-6"));

        await Assert.ThrowsAsync<PluginCallException>(() =>
            CallAsync(TestTenants.On, "status", (p, ct) => p.GetStatusAsync(booking.PartnerReference, ct)));
    }

    [Fact]
    public async Task The_rider_s_details_never_reach_the_logs()
    {
        var trip = Trips.ToTheCommunityHall();
        await QuoteAsync(TestTenants.Ab, trip);
        await BookAsync(TestTenants.Ab, Trips.Booking(trip, "trip-7"));
        _partner.State.SetBehaviour(ContosoConfig.AbKey, FakeBehaviour.Fail);
        await Assert.ThrowsAsync<PluginCallException>(() => QuoteAsync(TestTenants.Ab, trip));

        var logs = _harness.Logs.AllText;
        Assert.Contains("booking CR-000001 is Confirmed", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("Marie", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("403-555-0101", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("Elm Street", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(ContosoConfig.AbKey, logs, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_without_a_key_or_with_plain_http_to_another_machine_stop_start_up()
    {
        var settings = ContosoConfig.For(_partner.BaseUrl);
        settings["Tenants:ab:Plugins:contoso-rides:Settings:ApiKey"] = null;
        settings["Tenants:on:Plugins:contoso-rides:Settings:BaseUrl"] = "http://rides.example.org/";
        using var harness = new PluginHarness(_plugins, settings);

        var error = Assert.Throws<OptionsValidationException>(() => harness.Catalog);

        Assert.Contains("Tenants:ab:Plugins:contoso-rides:Settings:ApiKey: The ApiKey field is required.", error.Failures);
        Assert.Contains(
            "Tenants:on:Plugins:contoso-rides:Settings:BaseUrl: The BaseUrl must be an absolute https URL (http only for a loopback address).",
            error.Failures);
    }
}
