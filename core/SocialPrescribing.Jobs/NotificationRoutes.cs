using SocialPrescribing.Abstractions;
using SocialPrescribing.Abstractions.Notifications;
using SocialPrescribing.Plugins;

namespace SocialPrescribing.Jobs;

/// <summary>
/// Every channel a tenant's notifications go through: the host's own, then those of the plugins the tenant enables,
/// each called under the plugin invoker's timeout and circuit breaker, so that one that hangs or keeps failing holds up
/// neither the job nor another tenant.
/// </summary>
public sealed class NotificationRoutes(IEnumerable<INotificationChannel> channels, IPluginCatalog plugins, IPluginInvoker invoker)
{
    /// <summary>
    /// Sends through every channel, one after another, and returns the ids of those that delivered; a channel's failure
    /// goes to <paramref name="failed"/> (a plugin's as a <see cref="PluginCallException"/>, which carries no text of
    /// the plugin's) and does not stop the others.
    /// </summary>
    public async Task<IReadOnlyList<string>> DeliverAsync(
        TenantId tenant, string operation, Func<INotificationChannel, CancellationToken, Task> send, Action<Exception, string> failed)
    {
        List<(string Id, Func<Task> SendAsync)> routes =
        [
            .. channels.Select(c => (c.Id, (Func<Task>)(() => send(c, CancellationToken.None)))),
            .. plugins.ComponentsFor<INotificationChannel>(tenant).Select(c => (c.ComponentId, (Func<Task>)(() => invoker.InvokeAsync(c, operation, async (channel, token) =>
            {
                await send(channel, token);
                return true;
            })))),
        ];
        var delivered = new List<string>();
        foreach (var (id, sendAsync) in routes)
        {
            try
            {
                await sendAsync();
                delivered.Add(id);
            }
            catch (Exception ex)
            {
                failed(ex, id);
            }
        }

        return delivered;
    }
}
