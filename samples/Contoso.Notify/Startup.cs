using Microsoft.Extensions.DependencyInjection;
using SocialPrescribing.Abstractions.Notifications;
using SocialPrescribing.Abstractions.Plugins;

namespace Contoso.Notify;

/// <summary>The plugin's entry: one notification channel, configured per tenant by <see cref="ContosoNotifySettings"/>.</summary>
public sealed class Startup : IPluginStartup<ContosoNotifySettings>
{
    public void ConfigureServices(IServiceCollection services, PluginContext context) =>
        services.AddSingleton<INotificationChannel, ContosoNotifyChannel>();
}
