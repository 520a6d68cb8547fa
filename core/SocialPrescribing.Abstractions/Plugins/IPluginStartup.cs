using Microsoft.Extensions.DependencyInjection;

namespace SocialPrescribing.Abstractions.Plugins;

/// <summary>
/// The entry type of a plugin: the one public, non-abstract class in the plugin assembly that implements this
/// interface. The host creates it with its parameterless constructor and calls
/// <see cref="ConfigureServices"/> once, at start-up, before anything else in the plugin runs.
/// </summary>
/// <remarks>
/// <para>
/// Register each component under its kind's contract, for example
/// <c>services.AddSingleton&lt;ITransportPartner, ContosoRides&gt;()</c>, and mark the component's class with
/// its kind attribute (<see cref="Transport.TransportPartnerAttribute"/>,
/// <see cref="Training.TrainingModuleAttribute"/>, <see cref="Assessments.AssessmentInstrumentAttribute"/>).
/// The kinds registered must be the kinds <c>plugin.json</c> declares.
/// </para>
/// <para>
/// The registrations become the plugin's own service provider, one per tenant that enables the plugin, so
/// nothing the plugin registers is visible to the host or to other plugins, and no singleton is shared between
/// tenants. That provider also offers <see cref="PluginTenant"/>, <see cref="PluginContext"/>,
/// <c>ILogger&lt;T&gt;</c>, <see cref="TimeProvider"/> and whatever else the host forwards (the framework's
/// host forwards <c>IHttpClientFactory</c>).
/// </para>
/// <para>
/// An exception thrown here quarantines the plugin: it is listed with the reason and nothing it registered is
/// used. To take per-tenant settings, implement <see cref="IPluginStartup{TSettings}"/> instead.
/// </para>
/// </remarks>
public interface IPluginStartup
{
    /// <summary>Registers the plugin's components and the services they need.</summary>
    /// <param name="services">The plugin's own registrations; the host adds nothing of the plugin's here.</param>
    /// <param name="context">The plugin's id, version and folder, as read from its manifest.</param>
    void ConfigureServices(IServiceCollection services, PluginContext context);
}
