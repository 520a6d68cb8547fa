using Microsoft.Extensions.Options;
using SocialPrescribing.Application.Audit;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Domain.Identity;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Journeys.Transport;
using SocialPrescribing.Host.Features.Journeys;
using SocialPrescribing.Host.Http;
using SocialPrescribing.Jobs;
using SocialPrescribing.Plugins;
using SocialPrescribing.Host.Features.Access;

namespace SocialPrescribing.Host.Features.Transport;

/// <summary>
/// Trips to community programs with the tenant's transport partners: <c>…/journeys/{id}/transport/…</c>. Quotes
/// are asked of the partner there and then; a booking is recorded at once and made by a background job.
/// </summary>
internal static class TransportFeature
{
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

    private static async Task<IResult> QuoteAsync(
        HttpContext http, Guid journeyId, JourneyUseCases journeys, IPluginCatalog plugins, IPluginInvoker invoker, TimeProvider time, IOptions<ApiOptions> options)
    {
        var tenant = TenantEndpointFilter.GetTenant(http);
        // The journey first: out of scope is refused before the body is read.
        var journey = await journeys.FindStateAsync(http.GetRequiredCaller(), journeyId, RecordAccess.Transport);
        if (journey is null)
        {
            return Problems.UnknownJourney();
        }

        var (body, problem) = await JsonBody.ReadAsync<TripRequestBody>(http, options.Value.MaxRequestBodyBytes);
        if (problem is not null)
        {
            return problem;
        }

        var validation = new RequestValidation();
        var partner = body!.FindPartner(validation, plugins, tenant.Id);
        var details = body.Details(validation);
        if (partner is null || details is null)
        {
            return Problems.Validation(validation.Errors);
        }

        if (journey.Status != JourneyStatus.Engaged)
        {
            return Problems.Conflict(journey.Status, new CommandRejection(
                RejectionKind.Conflict, "Trips are arranged for an engaged person.", null, JourneyDecider.AllowedCommands(journey, tenant)));
        }

        var trip = new TransportTrip(JourneyIds.New(time), partner.ComponentId, details, null, TransportTripStatus.Requested, null, null, null, null, time.GetUtcNow(), time.GetUtcNow());
        var request = TransportTrips.ToRequest(journey, trip);
        var quote = await invoker.InvokeAsync(partner, "quote", (p, ct) => p.QuoteAsync(request, ct), cancellationToken: http.RequestAborted);
        return TypedResults.Ok(new QuoteResponse(partner.ComponentId, quote.Available, quote.QuoteReference, quote.Fare, quote.EstimatedPickup, quote.ExpiresAt, quote.UnavailableReason));
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
