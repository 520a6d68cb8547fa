using Microsoft.Extensions.Options;
using SocialPrescribing.Application.Audit;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Host.Features.Journeys;
using SocialPrescribing.Host.Http;
using SocialPrescribing.Host.Features.Access;

namespace SocialPrescribing.Host.Features.Transport;

/// <summary>
/// Trips to community programs with the tenant's transport partners: <c>…/journeys/{id}/transport/…</c>. Quotes
/// are asked of the partner there and then; a booking is recorded at once and made by a background job.
/// </summary>
internal static class TransportFeature
{
    public static WebApplicationBuilder AddTransport(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TransportQuotes>();
        return builder;
    }

    public static RouteGroupBuilder MapTransport(this RouteGroupBuilder tenant)
    {
        var journeys = tenant.MapGroup("/journeys/{journeyId:guid}/transport").WithTags("Transport").RequireAuthorization(AccessPolicies.Clinical);
        journeys.MapPost("/quotes", QuoteAsync)
            .WithName("QuoteTrip")
            .WithSummary("Ask a transport partner for a quote; nothing is recorded.")
            .Accepts<TripRequestBody>("application/json")
            .Produces<QuoteResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        journeys.MapPost("/bookings", BookAsync)
            .WithName("BookTrip")
            .WithSummary("Book a trip (command request-transport): recorded as requested, booked with the partner by a job; "
                + "the trip becomes confirmed or failed. Idempotency-Key honoured.")
            .Accepts<TripRequestBody>("application/json")
            .Produces<TripResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        journeys.MapGet("/bookings", ListAsync)
            .WithName("ListTrips")
            .WithSummary("The journey's trips, oldest first.")
            .Produces<IReadOnlyList<TripResponse>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        journeys.MapGet("/bookings/{tripId:guid}", GetAsync)
            .WithName("GetTrip")
            .WithSummary("One trip.")
            .Produces<TripResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        tenant.MapJourneyCommand<CancelTripRequest>("Cancel a requested or confirmed trip; a booking the partner holds is cancelled there too.");
        return tenant;
    }

    private static async Task<IResult> QuoteAsync(HttpContext http, Guid journeyId, JourneyUseCases journeys, TransportQuotes quotes, IOptions<ApiOptions> options)
    {
        var tenant = TenantEndpointFilter.GetTenant(http);
        // The journey first: out of scope is refused before the body is read.
        if (await journeys.FindStateAsync(http.GetRequiredCaller(), journeyId, RecordAccess.Transport) is not { } journey)
        {
            return Problems.UnknownJourney();
        }

        var (body, problem) = await JsonBody.ReadAsync<TripRequestBody>(http, options.Value.MaxRequestBodyBytes);
        if (problem is not null)
        {
            return problem;
        }

        return await quotes.QuoteAsync(tenant, journey, body!, http.RequestAborted) switch
        {
            { Errors: { } errors } => Problems.Validation(errors),
            { Refusal: { } refusal, Status: { } status } => Problems.Conflict(status, refusal),
            { Quote: { } quote } => TypedResults.Ok(quote),
            _ => throw new InvalidOperationException("A quote outcome holds a quote, errors or a refusal."),
        };
    }

    private static Task<IResult> BookAsync(HttpContext http, Guid journeyId, JourneyUseCases journeys, JourneyCommandPipeline commands)
    {
        var tenant = TenantEndpointFilter.GetTenant(http);
        return commands.SendAsync<TripRequestBody>(http, _ => journeyId, async (id, outcome) =>
        {
            var requested = outcome.Events.OfType<TransportRequested>().Single();
            var journey = await journeys.FindStateAsync(http.GetRequiredCaller(), id, RecordAccess.Transport);
            var trip = journey!.Trips.Single(t => t.Id == requested.TripId);
            return TypedResults.Accepted($"/api/v1/tenants/{tenant.Id.Value}/journeys/{id}/transport/bookings/{trip.Id}", TripResponse.From(trip));
        });
    }

    private static async Task<IResult> ListAsync(HttpContext http, Guid journeyId, JourneyUseCases journeys)
    {
        var journey = await journeys.FindStateAsync(http.GetRequiredCaller(), journeyId, RecordAccess.Transport);
        return journey is null ? Problems.UnknownJourney() : TypedResults.Ok(journey.Trips.Select(TripResponse.From).ToList());
    }

    private static async Task<IResult> GetAsync(HttpContext http, Guid journeyId, Guid tripId, JourneyUseCases journeys)
    {
        var journey = await journeys.FindStateAsync(http.GetRequiredCaller(), journeyId, RecordAccess.Transport);
        return journey?.Trips.Find(t => t.Id == tripId) is { } trip
            ? TypedResults.Ok(TripResponse.From(trip))
            : Problems.NotFound(journey is null ? "No journey with this id in this tenant." : "No trip with this id on this journey.");
    }
}
