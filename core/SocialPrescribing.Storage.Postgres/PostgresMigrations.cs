namespace SocialPrescribing.Storage.Postgres;

/// <summary>
/// The schema as numbered steps, applied in order inside one transaction and recorded in
/// <c>schema_migrations</c>. Steps are only ever appended, never edited, and never drop or rewrite data.
/// </summary>
/// <remarks>
/// Every statement names its schema explicitly instead of relying on <c>search_path</c>, so a role whose
/// path resolves elsewhere first can never read or write another schema's tables by accident.
/// </remarks>
internal static class PostgresMigrations
{
    public static readonly IReadOnlyList<PostgresMigrationStep> Steps =
    [
        new(1, "journey streams and caseload", schema =>
        [
            // Event bodies are text, not jsonb: the stream is an audit record and keeps the exact bytes the
            // domain wrote; jsonb would reorder keys, drop whitespace and duplicate keys.
            $$"""
            CREATE TABLE {{schema}}.journey_events (
                tenant       text        NOT NULL CHECK (tenant ~ '^[a-z0-9-]{2,32}$'),
                journey_id   uuid        NOT NULL,
                version      bigint      NOT NULL CHECK (version > 0),
                event_type   text        NOT NULL,
                data         text        NOT NULL,
                command_id   uuid        NOT NULL,
                actor        text        NOT NULL,
                occurred_at  timestamptz NOT NULL,
                CONSTRAINT journey_events_pkey PRIMARY KEY (tenant, journey_id, version)
            )
            """,
            $$"""
            CREATE TABLE {{schema}}.journeys (
                tenant                     text        NOT NULL CHECK (tenant ~ '^[a-z0-9-]{2,32}$'),
                journey_id                 uuid        NOT NULL,
                version                    bigint      NOT NULL CHECK (version > 0),
                status                     text        NOT NULL,
                link_worker_id             text,
                client_name                text        NOT NULL,
                referred_at                timestamptz NOT NULL,
                first_contact_due_at       timestamptz,
                first_contact_overdue      boolean     NOT NULL,
                awaits_first_contact_check boolean     NOT NULL,
                updated_at                 timestamptz NOT NULL,
                CONSTRAINT journeys_pkey PRIMARY KEY (tenant, journey_id)
            )
            """,
            // One index per caseload shape, each already in listing order (newest referral first, then id),
            // so a page is read off the index instead of sorting the tenant's whole caseload.
            $"CREATE INDEX ix_journeys_newest ON {schema}.journeys (tenant, referred_at DESC, journey_id)",
            $"CREATE INDEX ix_journeys_by_status ON {schema}.journeys (tenant, status, referred_at DESC, journey_id)",
            $"""
            CREATE INDEX ix_journeys_by_link_worker ON {schema}.journeys (tenant, link_worker_id, referred_at DESC, journey_id)
                WHERE link_worker_id IS NOT NULL
            """,
            // Few journeys wait for a first-contact check at any time; a partial index keeps the re-scheduling
            // scan at start-up proportional to them, not to the caseload.
            $"""
            CREATE INDEX ix_journeys_first_contact_due ON {schema}.journeys (tenant, first_contact_due_at, journey_id)
                WHERE awaits_first_contact_check AND first_contact_due_at IS NOT NULL
            """,
        ]),
        new(2, "safety alerts, trips awaiting partners and assessment digests on the caseload", schema =>
        [
            $"ALTER TABLE {schema}.journeys ADD COLUMN open_safety_alerts integer NOT NULL DEFAULT 0 CHECK (open_safety_alerts >= 0)",
            $"ALTER TABLE {schema}.journeys ADD COLUMN assessment_digest text",
            $"ALTER TABLE {schema}.journeys ADD COLUMN trips_awaiting_partner integer NOT NULL DEFAULT 0 CHECK (trips_awaiting_partner >= 0)",
            // Trips waiting on a partner are found again by reconciliation after a lost booking job.
            $"""
            CREATE INDEX ix_journeys_trips_awaiting_partner ON {schema}.journeys (tenant, referred_at DESC, journey_id)
                WHERE trips_awaiting_partner > 0
            """,
            // Open alerts are few and urgent: supervisors list them across the whole caseload.
            $"""
            CREATE INDEX ix_journeys_open_safety_alerts ON {schema}.journeys (tenant, referred_at DESC, journey_id)
                WHERE open_safety_alerts > 0
            """,
        ]),
        new(3, "record streams", schema =>
        [
            // Streams that are not journeys (a link worker's training record, say), by kind and id within a tenant.
            // Kind and id compare byte by byte (COLLATE "C"): they are keys, not prose, and no locale may make two
            // different ids equal or reorder them between servers.
            $$"""
            CREATE TABLE {{schema}}.record_streams (
                tenant       text             NOT NULL CHECK (tenant ~ '^[a-z0-9-]{2,32}$'),
                kind         text COLLATE "C" NOT NULL CHECK (kind ~ '^[a-z0-9-]{1,32}$'),
                stream_id    text COLLATE "C" NOT NULL CHECK (char_length(stream_id) BETWEEN 1 AND 128),
                version      bigint           NOT NULL CHECK (version > 0),
                event_type   text             NOT NULL,
                data         text             NOT NULL,
                command_id   uuid             NOT NULL,
                actor        text             NOT NULL,
                occurred_at  timestamptz      NOT NULL,
                CONSTRAINT record_streams_pkey PRIMARY KEY (tenant, kind, stream_id, version)
            )
            """,
            // One entry per stream (its first record), for listing a kind's streams without reading their records.
            $"""
            CREATE INDEX ix_record_streams_by_kind ON {schema}.record_streams (tenant, kind, stream_id)
                WHERE version = 1
            """,
        ]),
        new(4, "the ordered event feed and consumer checkpoints", schema =>
        [
            // Every event's place in the feed: the transaction that committed it, then a sequence within the store.
            // Readers only go as far as the oldest transaction still running (pg_snapshot_xmin), so an event that a
            // slow transaction commits late is never skipped: it sorts after every event a reader could already see.
            $"ALTER TABLE {schema}.journey_events ADD COLUMN position bigint GENERATED ALWAYS AS IDENTITY",
            $"ALTER TABLE {schema}.journey_events ADD COLUMN tx_id xid8 NOT NULL DEFAULT pg_current_xact_id()",
            $"CREATE INDEX ix_journey_events_feed ON {schema}.journey_events (tx_id, position)",
            $$"""
            CREATE TABLE {{schema}}.feed_checkpoints (
                consumer    text COLLATE "C" PRIMARY KEY CHECK (consumer ~ '^[a-z0-9:._-]{1,64}$'),
                tx_id       xid8        NOT NULL,
                position    bigint      NOT NULL,
                updated_at  timestamptz NOT NULL
            )
            """,
            // Events stored before the feed existed were reacted to when they were committed: the reactions start
            // after them (on a new store, at the start).
            $"""
            INSERT INTO {schema}.feed_checkpoints (consumer, tx_id, position, updated_at)
            SELECT 'reactions', COALESCE(last.tx_id, '0'::xid8), COALESCE(last.position, 0), now()
            FROM (SELECT 1) AS one
            LEFT JOIN (SELECT tx_id, position FROM {schema}.journey_events ORDER BY tx_id DESC, position DESC LIMIT 1) AS last ON true
            """,
        ]),
    ];

    /// <summary>Creates the schema and the ledger of applied steps; safe to run again.</summary>
    public static IReadOnlyList<string> Bootstrap(string schema) =>
    [
        $"CREATE SCHEMA IF NOT EXISTS {schema}",
        $"""
        CREATE TABLE IF NOT EXISTS {schema}.schema_migrations (
            version     integer     PRIMARY KEY,
            description text        NOT NULL,
            applied_at  timestamptz NOT NULL
        )
        """,
    ];
}
