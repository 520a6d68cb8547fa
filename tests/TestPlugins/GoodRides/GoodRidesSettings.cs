using System.ComponentModel.DataAnnotations;

namespace Sp.TestPlugins.GoodRides;

public sealed class GoodRidesSettings
{
    [Required]
    public string? ServiceArea { get; set; }

    [Range(0, 1000)]
    public decimal BaseFare { get; set; } = 10m;

    public bool FailOnCreate { get; set; }
}
