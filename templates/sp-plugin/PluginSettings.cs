using System.ComponentModel.DataAnnotations;

namespace Company.Plugin;

/// <summary>
/// One tenant's settings, bound from <c>Tenants:&lt;tenant&gt;:Plugins:company-plugin:Settings</c> and validated
/// when the host starts: a missing or invalid value stops the host with a message naming the setting.
/// </summary>
public sealed class PluginSettings
{
    /// <summary>Where the partner drives, for example <c>Calgary</c>.</summary>
    [Required]
    public string? ServiceArea { get; set; }

    /// <summary>The fare the stub quotes, in Canadian dollars.</summary>
    [Range(0, 1000)]
    public decimal Fare { get; set; } = 10m;
}
