using Microsoft.Extensions.Configuration;

namespace SocialPrescribing.Plugins;

/// <summary>What the catalog reads besides <see cref="PluginOptions"/>: the <c>Tenants</c> section and the forwarded host services.</summary>
internal sealed record PluginCatalogSources(IConfiguration Tenants, PluginHostServices HostServices);
