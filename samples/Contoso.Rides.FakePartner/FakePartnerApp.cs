using Contoso.Rides.FakePartner.Wire;
using Microsoft.AspNetCore.Mvc;

namespace Contoso.Rides.FakePartner;

/// <summary>
/// The Contoso Rides partner API, faked: <c>POST /v1/quotes</c>, <c>POST /v1/bookings</c> (with an
/// <c>Idempotency-Key</c>), <c>POST /v1/bookings/{id}/cancellation</c> and <c>GET /v1/bookings/{id}</c>, each
/// with the account's <c>X-Api-Key</c>.
/// </summary>
internal static class FakePartnerApp
{
    public const string DefaultUrl = "http://127.0.0.1:5090";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private const string AccountItem = "fake-partner-account";

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddOptions<FakePartnerOptions>().Bind(builder.Configuration.GetSection(FakePartnerOptions.SectionName));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<FakePartnerState>();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, FakeJsonContext.Default));
        return builder;
    }

    public static WebApplication MapFakePartner(this WebApplication app)
    {
        var v1 = app.MapGroup("/v1").AddEndpointFilter(GuardAsync);
        v1.MapPost("/quotes", Quote);
        v1.MapPost("/bookings", Book);
        v1.MapPost("/bookings/{id}/cancellation", Cancel);
        v1.MapGet("/bookings/{id}", Get);
        return app;
    }

    /// <summary>The account's key, then its behaviour: a failing account answers 500, a slow one waits first.</summary>
    private static async ValueTask<object?> GuardAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var state = http.RequestServices.GetRequiredService<FakePartnerState>();
        var account = http.Request.Headers[ApiKeyHeader].ToString();
        if (!state.Accepts(account))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unknown API key.");
        }

        http.Items[AccountItem] = account;
        switch (state.BehaviourOf(account))
        {
            case FakeBehaviour.Fail:
                return Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Dispatch is unavailable.");
            case FakeBehaviour.Slow:
                await Task.Delay(state.SlowDelay, http.RequestAborted);
                break;
        }

        return await next(context);
    }

    private static IResult Quote(HttpContext http, FakeTrip trip, FakePartnerState state, TimeProvider time)
    {
        if (!trip.IsComplete)
        {
            return Incomplete();
        }

        if (state.BehaviourOf(Account(http)) == FakeBehaviour.Decline)
        {
            return Results.Ok(new FakeQuoteAnswer(false, null, null, null, null, "No accessible vehicle is free in that window."));
        }

        return Results.Ok(new FakeQuoteAnswer(
            true, state.NextQuoteId(), FakePartnerState.PriceOf(trip), trip.PickupWindow, time.GetUtcNow().AddMinutes(30), null));
    }

    private static IResult Book(HttpContext http, [FromHeader(Name = IdempotencyKeyHeader)] string? key, FakeBookingRequest request, FakePartnerState state)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 255)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "An Idempotency-Key header of 1 to 255 characters is required.");
        }

        if (request.Trip is not { IsComplete: true } trip)
        {
            return Incomplete();
        }

        var account = Account(http);
        var (booking, created) = state.Book(account, key, trip, decline: state.BehaviourOf(account) == FakeBehaviour.Decline);
        if (booking.CustomerRef != trip.CustomerRef)
        {
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "This Idempotency-Key was used for another trip.");
        }

        var answer = FakeBookingAnswer.From(booking);
        return created ? Results.Created($"/v1/bookings/{booking.Id}", answer) : Results.Ok(answer);
    }

    private static IResult Cancel(HttpContext http, string id, [FromHeader(Name = IdempotencyKeyHeader)] string? key, FakeCancellationRequest request, FakePartnerState state)
    {
        if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(request.Reason))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "An Idempotency-Key header and a reason are required.");
        }

        return state.Cancel(Account(http), id, key, request.Reason) is { } booking
            ? Results.Ok(FakeBookingAnswer.From(booking))
            : UnknownBooking();
    }

    private static IResult Get(HttpContext http, string id, FakePartnerState state) =>
        state.Find(Account(http), id) is { } booking ? Results.Ok(FakeBookingAnswer.From(booking)) : UnknownBooking();

    private static string Account(HttpContext http) => (string)http.Items[AccountItem]!;

    private static IResult Incomplete() =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The trip needs a customerRef, a pickupWindow and accessibility.");

    private static IResult UnknownBooking() =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such booking for this account.");
}
