namespace SocialPrescribing.Abstractions.Plugins;

/// <summary>
/// The entry type of a plugin that takes per-tenant settings of type <typeparamref name="TSettings"/>.
/// </summary>
/// <typeparam name="TSettings">
/// A class with a public parameterless constructor and settable properties. For each tenant that enables the
/// plugin, the host binds configuration <c>Tenants:&lt;tenant&gt;:Plugins:&lt;pluginId&gt;:Settings</c> to a new
/// instance and validates it at start-up: data annotations on its properties (<c>[Required]</c>,
/// <c>[Range]</c>, <c>[Url]</c>…), <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>, and every
/// <c>IValidateOptions&lt;TSettings&gt;</c> the plugin registers. A key that is not a property of
/// <typeparamref name="TSettings"/>, a value that does not convert, or a failed validation stops the host with a
/// message naming the tenant, the plugin and the setting.
/// </typeparam>
/// <remarks>
/// Components receive their tenant's settings as <c>IOptions&lt;TSettings&gt;</c>, since each tenant has its own
/// service provider. Keep secrets (API keys) out of <c>appsettings.json</c>: the host reads settings from any
/// configuration source, such as environment variables
/// (<c>Tenants__ab__Plugins__contoso-rides__Settings__ApiKey</c>).
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Design",
    "CA1040:Avoid empty interfaces",
    Justification = "The type argument is the declaration: the host reads the settings type without running plugin code.")]
public interface IPluginStartup<TSettings> : IPluginStartup
    where TSettings : class, new();
