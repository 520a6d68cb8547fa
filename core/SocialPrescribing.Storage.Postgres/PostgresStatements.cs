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

    /// <summary>The first parameter of the caseload row's columns in a single append: after its key ($1..$4) and events ($5..$9).</summary>
    private const int FirstColumnParameter = 10;

    /// <summary>The first parameter of the caseload row's columns in <see cref="AppendMany"/>: after its key and event arrays ($1..$11).</summary>
    private const int FirstColumnArrayParameter = 12;

    private static readonly IReadOnlyList<CaseloadColumn> Columns = JourneySummary.Columns;

    private static readonly string SummaryColumns = "tenant, journey_id, version, " + string.Join(", ", Columns.Select(c => c.Name));

    /// <summary>What listings return: the journey, its version and the listed columns, in <see cref="JourneySummary.Columns"/> order.</summary>
    private static readonly string ListColumns = "journey_id, version, " + string.Join(", ", Columns.Where(c => c.Listed).Select(c => c.Name));

    private readonly string _journeys;

    public PostgresStatements(string schema)
    {
        QuotedSchema = Quote(schema);
        _journeys = $"{QuotedSchema}.journeys";
        var events = $"{QuotedSchema}.journey_events";

        // $1 tenant, $2 journey, $3 expected version, $4 new version, $5..$9 the events, $10.. the caseload row's columns
        // (JourneySummary.Columns, in order). Most commands record one event: its columns are then plain values. More
        // events come as parallel arrays (ordinality numbers them from 1). A plain row spares the server an unnest
        // and the client five arrays, about a tenth of a lone append's time on a fast disk.
        var insertEvents = $"""
            INSERT INTO {events} ({EventColumns})
            SELECT $1, $2, $3 + e.ordinal, e.event_type, e.data, e.command_id, e.actor, e.occurred_at
            FROM unnest($5::text[], $6::text[], $7::uuid[], $8::text[], $9::timestamptz[])
                 WITH ORDINALITY AS e (event_type, data, command_id, actor, occurred_at, ordinal)
            WHERE EXISTS (SELECT FROM summary)
            """;
        var insertEvent = $"""
            INSERT INTO {events} ({EventColumns})
            SELECT $1, $2, $4, $5::text, $6::text, $7::uuid, $8::text, $9::timestamptz
            WHERE EXISTS (SELECT FROM summary)
            """;

        var start = $"""
            WITH summary AS (
                INSERT INTO {_journeys} ({SummaryColumns})
                VALUES ($1, $2, $4, {ColumnValues(FirstColumnParameter)})
                ON CONFLICT (tenant, journey_id) DO NOTHING
                RETURNING 1
            )
            """;
        StartStream = start + insertEvents;
        StartStreamWithOneEvent = start + insertEvent;

        var @continue = $"""
            WITH summary AS (
                UPDATE {_journeys} SET version = $4,
                    {string.Join(", ", Columns.Select((c, i) => $"{c.Name} = {Value(c, $"${FirstColumnParameter + i}")}"))}
                WHERE tenant = $1 AND journey_id = $2 AND version = $3
                RETURNING 1
            )
            """;
        ContinueStream = @continue + insertEvents;
        ContinueStreamWithOneEvent = @continue + insertEvent;

        // Many appends, each to a different stream, in one statement: $1..$4 the appends' keys as parallel arrays
        // (tenant, journey, expected and new version), $5..$11 all their events as parallel arrays, $12.. the appends'
        // caseload columns as parallel arrays, each event naming its append by position and carrying its own version.
        // Each append is guarded like a single one: its events are inserted only when its caseload row was created
        // (expected 0) or moved from the expected version. The positions of the appends that moved come back.
        AppendMany = $"""
            WITH appends AS (
                SELECT * FROM unnest(
                    $1::text[], $2::uuid[], $3::bigint[], $4::bigint[],
                    {string.Join(", ", Columns.Select((c, i) => $"${FirstColumnArrayParameter + i}::{ArrayElementType(c.Kind)}[]"))})
                WITH ORDINALITY AS a (tenant, journey_id, expected, version, {string.Join(", ", Columns.Select(c => c.Name))}, position)
            ),
            started AS (
                INSERT INTO {_journeys} ({SummaryColumns})
                SELECT tenant, journey_id, version, {string.Join(", ", Columns.Select(c => Value(c, c.Name)))}
                FROM appends WHERE expected = 0
                ON CONFLICT (tenant, journey_id) DO NOTHING
                RETURNING tenant, journey_id
            ),
            continued AS (
                UPDATE {_journeys} AS j SET version = a.version,
                    {string.Join(", ", Columns.Select(c => $"{c.Name} = {Value(c, "a." + c.Name)}"))}
                FROM appends AS a
                WHERE a.expected > 0 AND j.tenant = a.tenant AND j.journey_id = a.journey_id AND j.version = a.expected
                RETURNING a.position
            ),
            moved AS (
                SELECT a.position FROM started AS s
                JOIN appends AS a ON a.expected = 0 AND a.tenant = s.tenant AND a.journey_id = s.journey_id
                UNION ALL
                SELECT position FROM continued
            ),
            inserted AS (
                INSERT INTO {events} ({EventColumns})
                SELECT a.tenant, a.journey_id, e.version, e.event_type, e.data, e.command_id, e.actor, e.occurred_at
                FROM unnest($5::bigint[], $6::bigint[], $7::text[], $8::text[], $9::uuid[], $10::text[], $11::timestamptz[])
                     AS e (position, version, event_type, data, command_id, actor, occurred_at)
                JOIN moved AS m ON m.position = e.position
                JOIN appends AS a ON a.position = e.position
            )
            SELECT position FROM moved
            """;

        ReadStream = $"""
            SELECT version, event_type, data, command_id, actor, occurred_at
            FROM {events} WHERE tenant = $1 AND journey_id = $2 ORDER BY version
            """;

        PendingFirstContactChecks = $"""
            SELECT journey_id, first_contact_due_at FROM {_journeys}
            WHERE tenant = $1 AND awaits_first_contact_check AND first_contact_due_at IS NOT NULL
              AND first_contact_due_at <= coalesce($2, 'infinity'::timestamptz)
              AND (first_contact_due_at, journey_id) > (coalesce($3, '-infinity'::timestamptz), coalesce($4, '00000000-0000-0000-0000-000000000000'::uuid))
            ORDER BY first_contact_due_at, journey_id LIMIT $5
            """;

        AwaitedPartnerAnswers = $"""
            SELECT journey_id, partner_answer_awaited_since, coalesce(community_referrals::text, '[]') FROM {_journeys}
            WHERE tenant = $1 AND partner_answer_awaited_since IS NOT NULL
              AND partner_answer_awaited_since <= coalesce($2, 'infinity'::timestamptz)
              AND (partner_answer_awaited_since, journey_id) > (coalesce($3, '-infinity'::timestamptz), coalesce($4, '00000000-0000-0000-0000-000000000000'::uuid))
            ORDER BY partner_answer_awaited_since, journey_id LIMIT $5
            """;

        UnnotifiedEmergencyAccess = $"""
            SELECT journey_id, last_unnotified_emergency_access_at FROM {_journeys}
            WHERE tenant = $1 AND last_unnotified_emergency_access_at IS NOT NULL
              AND last_unnotified_emergency_access_at <= coalesce($2, 'infinity'::timestamptz)
              AND (last_unnotified_emergency_access_at, journey_id) > (coalesce($3, '-infinity'::timestamptz), coalesce($4, '00000000-0000-0000-0000-000000000000'::uuid))
            ORDER BY last_unnotified_emergency_access_at, journey_id LIMIT $5
            """;

        // $2 the organizations as a JSON array of ids, or null for every referral.
        CommunityReferralDigests = $"""
            SELECT journey_id, client_name, link_worker_id, coalesce(community_referrals::text, '[]'), unmet_needs::text FROM {_journeys}
            WHERE tenant = $1 AND (community_referrals IS NOT NULL OR unmet_needs IS NOT NULL)
              AND ($2::jsonb IS NULL OR community_referrals IS NOT NULL AND EXISTS (
                  SELECT FROM jsonb_array_elements(community_referrals) AS r WHERE $2::jsonb ? (r ->> 'organizationId')))
            ORDER BY journey_id
            """;

        CaseloadTallies = $"""
            SELECT link_worker_id, status, count(*), count(*) FILTER (WHERE first_contact_overdue), count(*) FILTER (WHERE open_safety_alerts > 0)
            FROM {_journeys} WHERE tenant = $1
            GROUP BY link_worker_id, status
            ORDER BY link_worker_id NULLS FIRST, status
            """;
        // $2 since (null for no lower bound), $3 until. The period's outcome measures off their covering index; a row written before the caseload kept them gives its
        // assessment digest instead; one written before it kept when assessments were taken comes whatever the period, not counted.
        OutcomeMeasures = $"""
            SELECT journey_id, outcome_measures, NULL, true FROM {_journeys}
            WHERE tenant = $1 AND outcome_measures IS NOT NULL AND last_assessed_at >= coalesce($2, '-infinity'::timestamptz) AND first_assessed_at <= $3
            UNION ALL
            SELECT journey_id, NULL, assessment_digest, first_assessed_at IS NOT NULL FROM {_journeys}
            WHERE tenant = $1 AND outcome_measures IS NULL AND assessment_digest IS NOT NULL
              AND (first_assessed_at IS NULL OR last_assessed_at >= coalesce($2, '-infinity'::timestamptz) AND first_assessed_at <= $3)
            """;
        // Journeys assessed (older rows without measures counted apart), then per instrument those with its baseline: each
        // distinct set of baselines counted off its index, then spread over its instruments.
        AssessedJourneys = $"""
            SELECT NULL::text,
                (SELECT count(*) FROM {_journeys} WHERE tenant = $1 AND outcome_measures IS NOT NULL)
                + (SELECT count(*) FROM {_journeys} WHERE tenant = $1 AND outcome_measures IS NULL AND assessment_digest IS NOT NULL AND first_assessed_at IS NOT NULL)
            UNION ALL
            SELECT b, sum(g.n)::bigint FROM (
                SELECT baseline_instruments, count(*) AS n FROM {_journeys}
                WHERE tenant = $1 AND baseline_instruments IS NOT NULL GROUP BY baseline_instruments
            ) AS g CROSS JOIN LATERAL jsonb_array_elements_text(g.baseline_instruments) AS b
            GROUP BY b
            """;
        ConnectionCounts = $"""
            SELECT link_worker_id, count(*), count(*) FILTER (WHERE first_program_started_at <= $3) FROM {_journeys}
            WHERE tenant = $1 AND first_program_referral_at >= coalesce($2, '-infinity'::timestamptz) AND first_program_referral_at <= $3
            GROUP BY link_worker_id
            """;
        UncountedReferralDigests = $"""
            SELECT journey_id, client_name, link_worker_id, community_referrals::text, unmet_needs::text FROM {_journeys}
            WHERE tenant = $1 AND community_referrals IS NOT NULL AND first_program_referral_at IS NULL
            """;

        var checkpoints = $"{QuotedSchema}.feed_checkpoints";
        // The transaction id goes out as text under a name of its own: an output column named tx_id would be what ORDER BY
        // tx_id sorts by, as text, so '1000' would come before '999' and the feed would skip and stall as ids gain a digit.
        const string FeedColumns = "tx_id::text AS tx, position, tenant, journey_id, version, event_type, data, command_id, actor, occurred_at";
        const string Finished = "tx_id < pg_snapshot_xmin(pg_current_snapshot())";
        ReadFeed = $"""
            SELECT {FeedColumns} FROM {events}
            WHERE (tx_id, position) > ($1::text::xid8, $2) AND {Finished}
            ORDER BY tx_id, position LIMIT $3
            """;
        // Up to a head read in the same (repeatable-read) snapshot: every event at or before it is finished.
        ReadFeedOfTypes = $"""
            SELECT {FeedColumns} FROM {events}
            WHERE event_type = ANY($4::text[])
              AND (tx_id, position) > ($1::text::xid8, $2) AND (tx_id, position) <= ($5::text::xid8, $6)
            ORDER BY tx_id, position LIMIT $3
            """;
        FeedHead = $"SELECT tx_id::text AS tx, position FROM {events} WHERE {Finished} ORDER BY tx_id DESC, position DESC LIMIT 1";
        ReadCheckpoint = $"SELECT tx_id::text AS tx, position FROM {checkpoints} WHERE consumer = $1";
        SaveCheckpoint = $"""
            INSERT INTO {checkpoints} (consumer, tx_id, position, updated_at) VALUES ($1, $2::text::xid8, $3, now())
            ON CONFLICT (consumer) DO UPDATE SET tx_id = excluded.tx_id, position = excluded.position, updated_at = excluded.updated_at
            """;
        // A transaction-scoped advisory lock takes no transaction id, so holding it does not hold back the feed.
        TryLeaseConsumer = "SELECT pg_try_advisory_xact_lock(hashtext($1))";
        // A consumer's checkpoint is committed without waiting for the WAL flush: one lost in a crash only means those
        // events are handed out again, which consumers bear anyway (at least once); the events were flushed when they
        // were committed.
        UnflushedCommit = "SET LOCAL synchronous_commit TO off";
        // Rebuilding: the lock lets reads go on and makes appends wait until the new rows are committed.
        LockCaseload = $"LOCK TABLE {_journeys} IN SHARE ROW EXCLUSIVE MODE";
        // Every tenant with a caseload row or a stream (its first event), read after the lock, so no append adds one.
        CaseloadTenants = $"""
            SELECT tenant FROM {_journeys}
            UNION
            SELECT tenant FROM {events} WHERE version = 1
            """;
        ClearCaseload = $"DELETE FROM {_journeys}";
        var tallies = $"{QuotedSchema}.projection_tallies";
        // $1 projection, $2..$5 the changes as parallel arrays (tenant, day, key, delta), each (tenant, day, key) once.
        AddTallies = $"""
            INSERT INTO {tallies} (tenant, projection, day, key, count)
            SELECT t.tenant, $1, t.day, t.key, t.delta FROM unnest($2::text[], $3::date[], $4::text[], $5::bigint[]) AS t (tenant, day, key, delta)
            ON CONFLICT (tenant, projection, day, key) DO UPDATE SET count = {tallies}.count + excluded.count
            """;
        ReadTallies = $"""
            SELECT day, key, count FROM {tallies}
            WHERE tenant = $1 AND projection = $2 AND day BETWEEN $3 AND $4
            ORDER BY day, key
            """;
        TallyTenants = $"SELECT DISTINCT tenant FROM {tallies} WHERE projection = $1";
        ClearTallies = $"DELETE FROM {tallies} WHERE projection = $1";
        ReadStreamPage = $"""
            SELECT e.tenant, e.journey_id, e.version, e.event_type, e.data, e.command_id, e.actor, e.occurred_at
            FROM (
                SELECT tenant, journey_id FROM {events}
                WHERE version = 1 AND (tenant, journey_id) > ($1, $2)
                ORDER BY tenant, journey_id LIMIT $3
            ) AS page
            JOIN {events} AS e ON e.tenant = page.tenant AND e.journey_id = page.journey_id
            ORDER BY e.tenant, e.journey_id, e.version
            """;
        InsertCaseloadRow = $"""
            INSERT INTO {_journeys} ({SummaryColumns})
            VALUES ($1, $2, $3, {ColumnValues(4)})
            """;
        HealthCheck = $"SELECT 1 FROM {QuotedSchema}.schema_migrations LIMIT 1";
        // $1 the schema's name, $2 its tenant tables: the role, whether it is a superuser or bypasses row-level
        // security, the tables it has its owner's rights on, and the tables missing or without forced security.
        Isolation = """
            SELECT r.rolname::text, r.rolsuper, r.rolbypassrls,
                   coalesce(array_agg(t.name ORDER BY t.name) FILTER (WHERE pg_has_role(r.oid, c.relowner, 'USAGE')), '{}'),
                   coalesce(array_agg(t.name ORDER BY t.name) FILTER (WHERE c.oid IS NULL OR NOT c.relrowsecurity OR NOT c.relforcerowsecurity), '{}')
            FROM pg_roles AS r
            CROSS JOIN unnest($2::text[]) AS t (name)
            LEFT JOIN pg_class AS c ON c.relname = t.name AND c.relnamespace = to_regnamespace(quote_ident($1))
            WHERE r.rolname = current_user
            GROUP BY r.rolname, r.rolsuper, r.rolbypassrls
            """;
        AppliedMigrations = $"SELECT version FROM {QuotedSchema}.schema_migrations";
        RecordMigration = $"INSERT INTO {QuotedSchema}.schema_migrations (version, description, applied_at) VALUES ($1, $2, $3)";
    }

    /// <summary>The schema name as a quoted SQL identifier.</summary>
    public string QuotedSchema { get; }

    /// <summary>Append to a stream that must not exist yet (expected version 0).</summary>
    public string StartStream { get; }

    /// <summary>Append to a stream that must be at the expected version.</summary>
    public string ContinueStream { get; }

    /// <summary><see cref="StartStream"/> for exactly one event, its columns as plain values.</summary>
    public string StartStreamWithOneEvent { get; }

    /// <summary><see cref="ContinueStream"/> for exactly one event, its columns as plain values.</summary>
    public string ContinueStreamWithOneEvent { get; }

    /// <summary>The statement that writes <paramref name="append"/> alone; its parameters come from <see cref="PostgresParameters.AddAppend"/>.</summary>
    public string For(JourneyAppend append) => (append.ExpectedVersion == 0, append.Events.Count == 1) switch
    {
        (true, true) => StartStreamWithOneEvent,
        (true, false) => StartStream,
        (false, true) => ContinueStreamWithOneEvent,
        (false, false) => ContinueStream,
    };

    /// <summary>Append to many streams, each at most once, in one statement; returns the positions (from 1) of those that moved.</summary>
    public string AppendMany { get; }

    public string ReadStream { get; }

    /// <summary>$1 tenant, $2 due by (null: any), $3 and $4 after (due, journey; null: from the first), $5 limit.</summary>
    public string PendingFirstContactChecks { get; }

    /// <summary>$1 tenant, $2 made by (null: any), $3 and $4 after (awaited since, journey; null: from the first), $5 limit.</summary>
    public string AwaitedPartnerAnswers { get; }

    /// <summary>$1 tenant, $2 since: referral and first-contact times of the journeys first contacted since then.</summary>
    public string FirstContactTimes => $"""
        SELECT link_worker_id, referred_at, first_contact_at FROM {_journeys}
        WHERE tenant = $1 AND first_contact_at >= $2
        """;

    /// <summary>$1 tenant: journeys counted by link worker and stage (see <see cref="CaseloadTally"/>).</summary>
    public string CaseloadTallies { get; }

    public string OutcomeMeasures { get; }

    public string UnnotifiedEmergencyAccess { get; }

    /// <summary>$1 tenant: (null, journeys with an assessment), then (instrument, journeys with its baseline).</summary>
    public string AssessedJourneys { get; }

    /// <summary>$1 tenant, $2 since (or null), $3 until: journeys whose first community referral was made then, and rows without that instant.</summary>
    public string ConnectionCounts { get; }

    public string UncountedReferralDigests { get; }

    public string CommunityReferralDigests { get; }

    /// <summary>$1 after transaction (text), $2 after position, $3 limit: finished events in feed order.</summary>
    public string ReadFeed { get; }

    /// <summary>$1, $2 after, $3 limit, $4 the types, $5, $6 the head (inclusive): events of those types in feed order.</summary>
    public string ReadFeedOfTypes { get; }

    /// <summary>The last event a feed reader can see now.</summary>
    public string FeedHead { get; }

    public string ReadCheckpoint { get; }

    /// <summary>$1 consumer, $2 transaction (text), $3 position.</summary>
    public string SaveCheckpoint { get; }

    /// <summary>$1 the lease's name; true when this transaction now holds it.</summary>
    public string TryLeaseConsumer { get; }

    /// <summary>Lets this transaction's commit return before its WAL is flushed.</summary>
    public string UnflushedCommit { get; }

    /// <summary>Locks the caseload against appends (reads go on) for the rest of the transaction.</summary>
    public string LockCaseload { get; }

    /// <summary>The tenants that have caseload rows or streams (as the system reader).</summary>
    public string CaseloadTenants { get; }

    /// <summary>$1 projection, $2..$5 tenants, days, keys and deltas: adds them to the projection's tallies.</summary>
    public string AddTallies { get; }

    /// <summary>$1 tenant, $2 projection, $3 and $4 the first and last day: the tallies, by day then key.</summary>
    public string ReadTallies { get; }

    /// <summary>$1 projection: the tenants it has tallies for (as the system reader).</summary>
    public string TallyTenants { get; }

    /// <summary>$1 projection: deletes its tallies of the tenants the transaction named.</summary>
    public string ClearTallies { get; }

    /// <summary>Deletes the caseload rows of the tenants the transaction named.</summary>
    public string ClearCaseload { get; }

    /// <summary>$1, $2 the last stream read (tenant, journey), $3 how many streams: their events in stream and version order.</summary>
    public string ReadStreamPage { get; }

    /// <summary>One caseload row, its columns in the order of <see cref="PostgresParameters.AddCaseloadRow"/>.</summary>
    public string InsertCaseloadRow { get; }

    public string HealthCheck { get; }

    /// <summary>See <see cref="PostgresJourneyStore.CheckIsolationAsync"/>.</summary>
    public string Isolation { get; }

    public string AppliedMigrations { get; }

    public string RecordMigration { get; }

    /// <summary>
    /// The count and page statements of a caseload listing. Filters that are absent are left out of the
    /// text rather than written as <c>$n IS NULL OR …</c>, so the planner always sees a plain index condition.
    /// Parameters: $1 tenant, then the status, the link worker and the no-contact instant when present, then limit
    /// and offset (page only).
    /// </summary>
    public (string Count, string Page) Caseload(JourneyQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = $"FROM {_journeys} WHERE tenant = $1";
        var next = 2;
        if (query.Status is not null)
        {
            filter += $" AND status = ${next++}";
        }

        if (query.LinkWorkerId is not null)
        {
            filter += $" AND link_worker_id = ${next++}";
        }

        if (query.NoContactSince is not null)
        {
            filter += $" AND status IN ('accepted', 'engaged') AND coalesce(last_contact_at, referred_at) < ${next++}";
        }

        if (query.OpenSafetyAlertsOnly)
        {
            filter += " AND open_safety_alerts > 0";
        }

        if (query.TripsAwaitingPartnerOnly)
        {
            filter += " AND trips_awaiting_partner > 0";
        }

        if (query.FirstContactOverdueOnly)
        {
            filter += " AND first_contact_overdue";
        }

        var order = query.ByUrgency
            ? $"open_safety_alerts > 0 DESC, first_contact_overdue DESC, status IN ({OpenStatuses}) DESC, next_follow_up_on NULLS LAST, coalesce(last_contact_at, referred_at), journey_id"
            : query.ByOldestOpenAlert ? "oldest_open_alert_at, journey_id"
            : "referred_at DESC, journey_id";
        var count = $"SELECT count(*) {filter}";
        var after = string.Empty;
        if (query.After is not null)
        {
            // Newest first, then by id: a range of the (…, referred_at DESC, journey_id) index from the position on; the
            // journeys referred at the position's instant and listed up to it are left out.
            after = $" AND referred_at <= ${next} AND (referred_at < ${next} OR journey_id > ${next + 1})";
            next += 2;
        }

        var page = $"SELECT {ListColumns} {filter}{after} ORDER BY {order} LIMIT ${next} OFFSET ${next + 1}";
        return (count, page);
    }

    /// <summary>
    /// $1 tenant, $2 birth date: the journeys of people born that day, newest first; the store compares names itself
    /// (the database's lower() folds only what its locale knows).
    /// </summary>
    public string SameBirthDate => $"""
        SELECT {ListColumns} FROM {_journeys}
        WHERE tenant = $1 AND birth_date = $2
        ORDER BY referred_at DESC, journey_id
        """;

    /// <summary>The stages of a journey still under way, as SQL literals.</summary>
    private const string OpenStatuses = "'referred', 'accepted', 'engaged'";

    /// <summary>The caseload columns' values as parameters from <c>$<paramref name="first"/></c> on, in column order.</summary>
    private static string ColumnValues(int first) => string.Join(", ", Columns.Select((c, i) => Value(c, $"${first + i}")));

    /// <summary>An expression giving <paramref name="column"/> its column type: JSON travels as text and is stored as jsonb.</summary>
    private static string Value(CaseloadColumn column, string expression) =>
        column.Kind == CaseloadColumnKind.Json ? expression + "::jsonb" : expression;

    /// <summary>The element type of the array a column's values travel in for <see cref="AppendMany"/>.</summary>
    private static string ArrayElementType(CaseloadColumnKind kind) => kind switch
    {
        CaseloadColumnKind.Text or CaseloadColumnKind.Json => "text",
        CaseloadColumnKind.Count => "integer",
        CaseloadColumnKind.Boolean => "boolean",
        CaseloadColumnKind.Instant => "timestamptz",
        CaseloadColumnKind.Date => "date",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A caseload column kind the PostgreSQL store does not know."),
    };

    /// <summary><paramref name="identifier"/> as a quoted SQL identifier.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
