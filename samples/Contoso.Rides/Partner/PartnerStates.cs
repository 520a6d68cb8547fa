using SocialPrescribing.Abstractions.Transport;

namespace Contoso.Rides.Partner;

/// <summary>The booking states the partner API reports, and what each means to the host.</summary>
internal static class PartnerStates
{
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";
    public const string Declined = "declined";
    public const string Cancelled = "cancelled";
    public const string EnRoute = "en-route";
    public const string OnBoard = "on-board";
    public const string Completed = "completed";
    public const string NoShow = "no-show";

    /// <summary>The host's status for a partner state; an unknown state is a broken answer, not a guess.</summary>
    /// <exception cref="ContosoRidesException">The partner reported a state this plugin does not know.</exception>
    public static TripStatus ToStatus(string state) => state switch
    {
        Pending => TripStatus.Requested,
        Confirmed => TripStatus.Confirmed,
        Declined => TripStatus.Declined,
        Cancelled => TripStatus.Cancelled,
        EnRoute or OnBoard => TripStatus.InProgress,
        Completed => TripStatus.Completed,
        NoShow => TripStatus.NoShow,
        _ => throw new ContosoRidesException($"The partner reported an unknown booking state '{state}'."),
    };
}
