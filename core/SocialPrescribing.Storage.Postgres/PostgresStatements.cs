namespace SocialPrescribing.Storage.Postgres;

/// <summary>The store's SQL, written once per store for its schema.</summary>
/// <remarks>
/// Parameters are positional (<c>$1</c>, <c>$2</c>, …) so Npgsql sends each text to the server untouched.
/// An append is a single statement: the caseload row is the stream's version guard and the events are
/// inserted only when that row moved from the expected version, so the whole append is one round trip
/// and one implicit transaction. The primary key on the events stays as the last line of defence.
/// </remarks>
internal sealed class PostgresStatements
{
    private const string EventColumns = "tenant, journey_id, version, event_type, data, command_id, actor, occurred_at";

    private const string SummaryColumns = """
        tenant, journey_id, version, status, link_worker_id, client_name, referred_at,
        first_contact_due_at, first_contact_overdue, awaits_first_contact_check, updated_at
        """;

    private const string ListColumns = """
        journey_id, version, status, link_worker_id, client_name, referred_at,
        first_contact_due_at, first_contact_overdue, awaits_first_contact_check, updated_at
        """;

    private readonly string _journeys;

    public PostgresStatements(string schema)
    {
        QuotedSchema = Quote(schema);
        _journeys = $"{QuotedSchema}.journeys";
        var events = $"{QuotedSchema}.journey_events";

        // $1 tenant, $2 journey, $3 expected version, $4 new version, $5..$12 the summary,
        // $13..$17 the events as parallel arrays; ordinality numbers them from 1.
        var insertEvents = $"""
            INSERT INTO {events} ({EventColumns})
            SELECT $1, $2, $3 + e.ordinal, e.event_type, e.data, e.command_id, e.actor, e.occurred_at
            FROM unnest($13::text[], $14::text[], $15::uuid[], $16::text[], $17::timestamptz[])
                 WITH ORDINALITY AS e (event_type, data, command_id, actor, occurred_at, ordinal)
            WHERE EXISTS (SELECT FROM summary)
            """;

        StartStream = $"""
            WITH summary AS (
                INSERT INTO {_journeys} ({SummaryColumns})
                VALUES ($1, $2, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                ON CONFLICT (tenant, journey_id) DO NOTHING
                RETURNING 1
            )
            {insertEvents}
            """;

        ContinueStream = $"""
            WITH summary AS (
                UPDATE {_journeys} SET
                    version = $4, status = $5, link_worker_id = $6, client_name = $7, referred_at = $8,
                    first_contact_due_at = $9, first_contact_overdue = $10, awaits_first_contact_check = $11,
                    updated_at = $12
                WHERE tenant = $1 AND journey_id = $2 AND version = $3
                RETURNING 1
            )
            {insertEvents}
            """;

        ReadStream = $"""
            SELECT version, event_type, data, command_id, actor, occurred_at
            FROM {events} WHERE tenant = $1 AND journey_id = $2 ORDER BY version
            """;

        PendingFirstContactChecks = $"""
            SELECT journey_id, first_contact_due_at FROM {_journeys}
            WHERE tenant = $1 AND awaits_first_contact_check AND first_contact_due_at IS NOT NULL
            ORDER BY first_contact_due_at, journey_id
            """;

        HealthCheck = $"SELECT 1 FROM {QuotedSchema}.schema_migrations LIMIT 1";
        AppliedMigrations = $"SELECT version FROM {QuotedSchema}.schema_migrations";
        RecordMigration = $"INSERT INTO {QuotedSchema}.schema_migrations (version, description, applied_at) VALUES ($1, $2, $3)";
    }

    /// <summary>The schema name as a quoted SQL identifier.</summary>
    public string QuotedSchema { get; }

    /// <summary>Append to a stream that must not exist yet (expected version 0).</summary>
    public string StartStream { get; }

    /// <summary>Append to a stream that must be at the expected version.</summary>
    public string ContinueStream { get; }

    public string ReadStream { get; }

    public string PendingFirstContactChecks { get; }

    public string HealthCheck { get; }

    public string AppliedMigrations { get; }

    public string RecordMigration { get; }

    /// <summary>
    /// The count and page statements of a caseload listing. Filters that are absent are left out of the
    /// text rather than written as <c>$n IS NULL OR …</c>, so the planner always sees a plain index condition.
    /// Parameters: $1 tenant, then the status and link worker when present, then limit and offset (page only).
    /// </summary>
    public (string Count, string Page) Caseload(bool byStatus, bool byLinkWorker)
    {
        var filter = $"FROM {_journeys} WHERE tenant = $1";
        var next = 2;
        if (byStatus)
        {
            filter += $" AND status = ${next++}";
        }

        if (byLinkWorker)
        {
            filter += $" AND link_worker_id = ${next++}";
        }

        var count = $"SELECT count(*) {filter}";
        var page = $"SELECT {ListColumns} {filter} ORDER BY referred_at DESC, journey_id LIMIT ${next} OFFSET ${next + 1}";
        return (count, page);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
