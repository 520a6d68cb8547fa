namespace SocialPrescribing.Jobs;

/// <summary>Configuration section <c>Jobs</c>.</summary>
public sealed class JobsOptions
{
    /// <summary>How often the Hangfire server looks for scheduled jobs that are due. Default 15 seconds.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the server waits for running jobs at shutdown. Default 15 seconds; tests use 1.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Worker threads. Default 4: jobs are short calls into grains.</summary>
    public int WorkerCount { get; set; } = 4;

    /// <summary>Cron expression of the periodic first-contact reconciliation. Default hourly.</summary>
    public string ReconciliationCron { get; set; } = "0 * * * *";
}
