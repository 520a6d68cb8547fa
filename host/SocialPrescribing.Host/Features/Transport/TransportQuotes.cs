using SocialPrescribing.Domain.Identity;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Transport;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Host.Http;
using SocialPrescribing.Jobs;
using SocialPrescribing.Plugins;

namespace SocialPrescribing.Host.Features.Transport;

/// <summary>What asking for a quote came to: the partner's quote, the fields at fault, or the journey's refusal.</summary>
internal sealed record QuoteOutcome(QuoteResponse? Quote, IDictionary<string, string[]>? Errors, CommandRejection? Refusal, JourneyStatus? Status);

/// <summary>
/// A transport partner's quote for a trip, whichever door asks (the API, the console), for a journey the door has read
/// (as an audited transport access): the trip is checked like a booking and the partner asked there and then; nothing
/// is recorded.
/// </summary>
internal sealed class TransportQuotes(IPluginCatalog plugins, IPluginInvoker invoker, TimeProvider time)
{
    public async Task<QuoteOutcome> QuoteAsync(TenantSettings tenant, JourneyState journey, TripRequestBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(body);
        var validation = new RequestValidation();
        var partner = body.FindPartner(validation, plugins, tenant.Id);
        var details = body.Details(validation);
        if (partner is null || details is null)
        {
            return new QuoteOutcome(null, validation.Errors, null, journey.Status);
        }

        if (journey.Status != JourneyStatus.Engaged)
        {
            return new QuoteOutcome(null, null, new CommandRejection(
                RejectionKind.Conflict, "Trips are arranged for an engaged person.", null, JourneyDecider.AllowedCommands(journey, tenant)), journey.Status);
        }

        var trip = new TransportTrip(JourneyIds.New(time), partner.ComponentId, details, null, TransportTripStatus.Requested, null, null, null, null, time.GetUtcNow(), time.GetUtcNow());
        var request = TransportTrips.ToRequest(journey, trip);
        var quote = await invoker.InvokeAsync(partner, "quote", (p, ct) => p.QuoteAsync(request, ct), cancellationToken: cancellationToken);
        return new QuoteOutcome(
            new QuoteResponse(partner.ComponentId, quote.Available, quote.QuoteReference, quote.Fare, quote.EstimatedPickup, quote.ExpiresAt, quote.UnavailableReason), null, null, journey.Status);
    }
}
