using SocialPrescribing.Abstractions.Transport;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Transport;
using SocialPrescribing.Host.Features.Journeys;
using SocialPrescribing.Host.Http;
using SocialPrescribing.Plugins;

namespace SocialPrescribing.Host.Features.Transport;

/// <summary>
/// <c>POST …/journeys/{id}/transport/quotes</c> and <c>…/transport/bookings</c>: a trip with one of the tenant's
/// transport partners (a plugin it enables).
/// </summary>
internal sealed record TripRequestBody(
    string? Partner,
    PlaceRequest? Pickup,
    PlaceRequest? Destination,
    WindowRequest? PickupWindow,
    DateTimeOffset? ArriveBy = null,
    ReturnRequest? Return = null,
    MobilityRequest? Mobility = null,
    string? QuoteReference = null) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.RequestTransport;

    public JourneyCommand? ToCommand(RequestValidation validation, CommandMetadata metadata)
    {
        var partner = FindPartner(validation, metadata.Services.GetRequiredService<IPluginCatalog>(), metadata.Tenant.Id);
        var details = Details(validation);
        return details is null || partner is null
            ? null
            : new RequestTransport(partner.ComponentId, details, validation.Optional(QuoteReference, "quoteReference", RequestValidation.NameLength))
            {
                CommandId = metadata.CommandId,
                Actor = metadata.Actor,
            };
    }

    /// <summary>The tenant's partner this body names, or null (with the error added).</summary>
    public PluginComponent<ITransportPartner>? FindPartner(RequestValidation validation, IPluginCatalog plugins, SocialPrescribing.Abstractions.TenantId tenant)
    {
        var id = validation.Required(Partner, "partner", 64);
        if (id.Length == 0)
        {
            return null;
        }

        if (plugins.Find<ITransportPartner>(tenant, id) is { } found)
        {
            return found;
        }

        var offered = plugins.ComponentsFor<ITransportPartner>(tenant).Select(c => c.ComponentId).ToList();
        validation.Add("partner", offered.Count == 0
            ? "This program has no transport partner enabled."
            : $"'{id}' is not a transport partner of this program; one of: {string.Join(", ", offered)}.");
        return null;
    }

    /// <summary>The trip, or null when a required part is missing (the errors say which).</summary>
    public TripDetails? Details(RequestValidation validation)
    {
        var pickup = validation.RequiredObject(Pickup, "pickup")?.ToPlace(validation, "pickup");
        var destination = validation.RequiredObject(Destination, "destination")?.ToPlace(validation, "destination");
        var window = validation.RequiredObject(PickupWindow, "pickupWindow")?.ToWindow(validation, "pickupWindow");
        var back = Return?.PickupWindow?.ToWindow(validation, "return.pickupWindow");
        var mobility = Mobility?.ToMobility(validation) ?? TripMobility.None;
        return pickup is null || destination is null || window is null || !validation.IsValid
            ? null
            : new TripDetails(pickup, destination, window, ArriveBy, back, mobility);
    }
}
