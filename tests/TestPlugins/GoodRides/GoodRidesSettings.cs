using System.ComponentModel.DataAnnotations;

namespace Sp.TestPlugins.GoodRides;

public sealed class GoodRidesSettings
{
    [Required]
    public string? ServiceArea { get; set; }

    [Range(0, 1000)]
    public decimal BaseFare { get; set; } = 10m;

    public bool FailOnCreate { get; set; }

    /// <summary>Every booking hangs (ignoring cancellation), as a partner whose dispatch system is stuck.</summary>
    public bool HangOnBook { get; set; }
}
