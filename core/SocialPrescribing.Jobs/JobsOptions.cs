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

    /// <summary>
    /// Cron expression of the sweep that runs the first-contact checks whose deadline has passed. Default every minute,
    /// so a journey is marked overdue within a minute or so of its deadline.
    /// </summary>
    public string FirstContactSweepCron { get; set; } = "* * * * *";

    /// <summary>
    /// Cron expression of the sweep that runs the provider-answer checks whose deadline (business days) has passed.
    /// Default every five minutes.
    /// </summary>
    public string PartnerResponseSweepCron { get; set; } = "*/5 * * * *";

    /// <summary>Cron expression of the periodic reconciliations (trip bookings, safety alert and emergency-access notices). Default every 15 minutes.</summary>
    public string ReconciliationCron { get; set; } = "*/15 * * * *";

    /// <summary>
    /// How far back the reconciliation of emergency-access notices reaches: an access opened earlier with no notice on
    /// record is left to the audit log (so upgrading from a version that did not record notices does not send every past
    /// access again). Default 7 days.
    /// </summary>
    public TimeSpan EmergencyAccessReconciliationWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>PostgreSQL schema of Hangfire's tables when jobs are stored there. Default <c>hangfire</c>.</summary>
    public string PostgresSchema { get; set; } = "hangfire";

    /// <summary>
    /// Set by the host: true when job storage survives a restart (PostgreSQL). Then start-up does not
    /// re-schedule checks that are still ahead, since their jobs are still stored.
    /// </summary>
    public bool PersistentJobStorage { get; set; }

    /// <summary>How many times a trip's booking is tried before it is recorded as failed. Default 8.</summary>
    public int TransportBookingAttempts { get; set; } = 8;

    /// <summary>The first wait before a failed booking is tried again; each later wait doubles, up to 10 minutes. Default 10 seconds.</summary>
    public TimeSpan TransportRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait before asking again about a booking the partner has not yet confirmed. Default 2 minutes.</summary>
    public TimeSpan TransportPendingRecheck { get; set; } = TimeSpan.FromMinutes(2);
}
