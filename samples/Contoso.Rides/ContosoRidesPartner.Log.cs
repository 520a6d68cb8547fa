using Microsoft.Extensions.Logging;
using SocialPrescribing.Abstractions.Transport;

namespace Contoso.Rides;

public sealed partial class ContosoRidesPartner
{
    // The booking reference and status only: the trip itself names a person and their addresses.
    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant}: Contoso Rides booking {PartnerReference} is {Status}")]
    private static partial void LogBooking(ILogger logger, string tenant, string partnerReference, TripStatus status);
}
