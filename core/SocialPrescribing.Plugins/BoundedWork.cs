using System.Runtime.ExceptionServices;

namespace SocialPrescribing.Plugins;

/// <summary>
/// Runs plugin code at start-up on a pool thread and stops waiting after a timeout, so a plugin that hangs in
/// its constructor or registration cannot hold up the host. The abandoned work is left to finish on its own.
/// </summary>
internal static class BoundedWork
{
    /// <summary>The work's result; its own exception when it throws.</summary>
    /// <exception cref="PluginRejectedException">The work did not finish within <paramref name="timeout"/> (quarantined).</exception>
    public static T Run<T>(Func<T> work, TimeSpan timeout, string what)
    {
        var task = Task.Run(work);
        bool finished;
        try
        {
            finished = task.Wait(timeout);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        if (!finished)
        {
            _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw new PluginRejectedException(PluginStatus.Quarantined, $"{what} did not finish within {timeout}");
        }

        return task.Result;
    }
}
