namespace SocialPrescribing.Host.Hosting;

/// <summary>Configuration section <c>Orleans</c>.</summary>
public sealed class OrleansOptions
{
    /// <summary>Silo-to-silo port. Default 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port. Default 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Names one cluster of hosts. Default <c>social-prescribing</c>.</summary>
    public string ClusterId { get; set; } = "social-prescribing";

    /// <summary>Names the service across cluster redeployments. Default <c>social-prescribing</c>.</summary>
    public string ServiceId { get; set; } = "social-prescribing";

    /// <summary>
    /// With PostgreSQL clustering: the address other hosts reach this one at. Default: this machine's
    /// first IPv4 address. Set <c>127.0.0.1</c> to run several hosts on one machine.
    /// </summary>
    public string? AdvertisedIPAddress { get; set; }

    /// <summary>
    /// How long a journey's grain stays in memory after its last call before Orleans collects it (its state is read
    /// again at the next call). Default 15 minutes, Orleans' own; a shorter age holds less memory on a host with many
    /// journeys read once, a longer one saves replays of busy ones. At least one minute.
    /// </summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);
}
