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
    /// <summary>
    /// Every table that holds a tenant's rows, and whether the host's own cross-tenant readers (the event feed, the
    /// read-model rebuild, the list of audited tenants) read it. Feed checkpoints and the migration ledger hold no
    /// tenant's data.
    /// </summary>
    public static readonly IReadOnlyList<(string Name, bool SystemReads)> TenantTables =
    [
        ("journey_events", true),
        ("journeys", true),
        ("record_streams", false),
        ("audit_entries", false),
        ("audit_chain_heads", true),
        ("audit_chain_anchors", false),
        ("directory_services", false),
        ("directory_service_locations", false),
        ("directory_service_terms", false),
        ("directory_records", false),
        ("directory_postal_codes", false),
        ("projection_tallies", true),
        ("tenant_settings", true),
        ("tenant_settings_changes", false),
        ("directory_service_search", false),
        ("journey_snapshots", false),
    ];

    /// <summary>
    /// The community directory's tables: catalogues of programs, which hold no one's personal information. Row-level
    /// security binds every write to them to the transaction's tenant, as on every tenant table, but reads are open
    /// (the store still asks for one tenant's rows): PostgreSQL evaluates a policy before any condition whose operator
    /// is not leakproof, so under a row-level read policy a full-text search (<c>@@</c>), a rank or a distance could
    /// never use an index, and every search would read the tenant's whole directory.
    /// </summary>
    public static readonly IReadOnlyList<string> CatalogueTables =
        ["directory_services", "directory_service_locations", "directory_service_terms", "directory_records", "directory_postal_codes"];

    /// <summary>The tenant tables that migration 6 secured; tables created later secure themselves in their own step.</summary>
    private static IEnumerable<(string Name, bool SystemReads)> TenantTablesOfStep6 => TenantTables.Take(5);

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
        new(5, "the audit log: hash-chained entries per tenant, append-only", schema =>
        [
            // One chain per tenant, numbered 1, 2, 3… by the appender under the lock of the tenant's head row. The
            // lengths and patterns repeat AuditEntry.Validate, so not even a writer that bypasses the store can store
            // unbounded text. Names compare byte by byte (COLLATE "C"): they are keys, not prose.
            $$"""
            CREATE TABLE {{schema}}.audit_entries (
                tenant             text             NOT NULL CHECK (tenant ~ '^[a-z0-9-]{2,32}$'),
                sequence           bigint           NOT NULL CHECK (sequence > 0),
                at                 timestamptz      NOT NULL,
                actor              text COLLATE "C" NOT NULL CHECK (char_length(actor) BETWEEN 1 AND {{AuditEntry.MaxActorLength}}),
                roles              text             CHECK (char_length(roles) BETWEEN 1 AND {{AuditEntry.MaxRolesLength}}),
                client             text COLLATE "C" CHECK (char_length(client) BETWEEN 1 AND {{AuditEntry.MaxClientLength}}),
                journey_id         uuid,
                category           text COLLATE "C" NOT NULL CHECK (category ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(category) <= {{AuditEntry.MaxNameLength}}),
                action             text COLLATE "C" NOT NULL CHECK (action ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(action) <= {{AuditEntry.MaxNameLength}}),
                outcome            text COLLATE "C" NOT NULL CHECK (outcome IN ('{{AuditEntry.Allowed}}', '{{AuditEntry.Denied}}')),
                purpose            text             CHECK (char_length(purpose) BETWEEN 1 AND {{AuditEntry.MaxPurposeLength}}),
                break_glass_reason text             CHECK (char_length(break_glass_reason) BETWEEN 1 AND {{AuditEntry.MaxBreakGlassReasonLength}}),
                request_id         text             CHECK (char_length(request_id) BETWEEN 1 AND {{AuditEntry.MaxRequestIdLength}}),
                source_address     text             CHECK (char_length(source_address) BETWEEN 1 AND {{AuditEntry.MaxSourceAddressLength}}),
                previous_hash      text             NOT NULL CHECK (previous_hash ~ '^[0-9a-f]{64}$'),
                hash               text             NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
                CONSTRAINT audit_entries_pkey PRIMARY KEY (tenant, sequence)
            )
            """,
            // What reviewers ask for: everyone who dealt with one person's record, and everything one user did.
            $"CREATE INDEX ix_audit_entries_by_journey ON {schema}.audit_entries (tenant, journey_id, sequence) WHERE journey_id IS NOT NULL",
            $"CREATE INDEX ix_audit_entries_by_actor ON {schema}.audit_entries (tenant, actor, sequence)",
            // Entries arrive in time order, so a block-range index finds a period for a fraction of a b-tree's upkeep
            // on every append (the log is written on every read of a record; its indexes are its cost).
            $"CREATE INDEX ix_audit_entries_by_time ON {schema}.audit_entries USING brin (at)",
            // Each chain's last entry. Appenders lock this row, so a tenant's entries are numbered and linked one
            // transaction at a time, across every host; verification compares it with the last entry, so entries
            // removed from the end are found too. An empty chain's head is sequence 0 and the genesis hash.
            $$"""
            CREATE TABLE {{schema}}.audit_chain_heads (
                tenant    text COLLATE "C" PRIMARY KEY CHECK (tenant ~ '^[a-z0-9-]{2,32}$'),
                sequence  bigint NOT NULL CHECK (sequence >= 0),
                hash      text   NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
            )
            """,
            // Append-only in the database itself: a statement-level trigger refuses every UPDATE, DELETE and TRUNCATE
            // of entries, even one that matches no row and even by the table's owner; only a superuser who disables
            // triggers gets past it. Heads only ever move forward and are never deleted.
            $$"""
            CREATE FUNCTION {{schema}}.audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                RAISE EXCEPTION 'the audit log is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
                    USING ERRCODE = 'insufficient_privilege';
            END
            $fn$
            """,
            $"""
            CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON {schema}.audit_entries
                FOR EACH STATEMENT EXECUTE FUNCTION {schema}.audit_refuse_change()
            """,
            $"""
            CREATE TRIGGER audit_chain_heads_kept BEFORE DELETE OR TRUNCATE ON {schema}.audit_chain_heads
                FOR EACH STATEMENT EXECUTE FUNCTION {schema}.audit_refuse_change()
            """,
            $$"""
            CREATE FUNCTION {{schema}}.audit_head_forward() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                IF NEW.tenant <> OLD.tenant OR NEW.sequence <= OLD.sequence THEN
                    RAISE EXCEPTION 'an audit chain head only moves forward' USING ERRCODE = 'insufficient_privilege';
                END IF;
                RETURN NEW;
            END
            $fn$
            """,
            $"""
            CREATE TRIGGER audit_chain_heads_forward BEFORE UPDATE ON {schema}.audit_chain_heads
                FOR EACH ROW EXECUTE FUNCTION {schema}.audit_head_forward()
            """,
            // Nobody gets these rights through PUBLIC. The owner keeps them (and the triggers stop it); a separate
            // owner role for migrations, so the application's role owns nothing, comes with row-level security.
            $"REVOKE UPDATE, DELETE, TRUNCATE ON {schema}.audit_entries FROM PUBLIC",
            $"REVOKE DELETE, TRUNCATE ON {schema}.audit_chain_heads FROM PUBLIC",
        ]),
        new(6, "row-level security: every tenant's rows only to transactions that name the tenant", schema =>
        [
            .. TenantTablesOfStep6.SelectMany(table => TenantPolicies(schema, table.Name, table.SystemReads)),
        ]),
        new(7, "audit retention: where each tenant's kept chain starts, and purges through a gate", schema =>
        [
            // Where a tenant's chain starts once entries older than its retention have been purged: the sequence and
            // hash of the last entry removed, so that the first kept entry must link to it. Only ever moves forward.
            $$"""
            CREATE TABLE {{schema}}.audit_chain_anchors (
                tenant         text COLLATE "C" PRIMARY KEY CHECK (tenant ~ '^[a-z0-9-]{2,32}$'),
                sequence       bigint      NOT NULL CHECK (sequence > 0),
                hash           text        NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
                purged_before  timestamptz NOT NULL,
                purged_at      timestamptz NOT NULL
            )
            """,
            $"""
            CREATE TRIGGER audit_chain_anchors_kept BEFORE DELETE OR TRUNCATE ON {schema}.audit_chain_anchors
                FOR EACH STATEMENT EXECUTE FUNCTION {schema}.audit_refuse_change()
            """,
            $"""
            CREATE TRIGGER audit_chain_anchors_forward BEFORE UPDATE ON {schema}.audit_chain_anchors
                FOR EACH ROW EXECUTE FUNCTION {schema}.audit_head_forward()
            """,
            // Entries stay append-only, except that a purge may delete: a transaction that opened the gate
            // (sp.audit_purge) and holds the right to delete, which only the owner role has. The purge deletes a prefix
            // of one chain and moves its anchor in the same transaction (PostgresJourneyStore.PurgeAuditAsync).
            $$"""
            CREATE OR REPLACE FUNCTION {{schema}}.audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
                IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'audit_entries' AND current_setting('sp.audit_purge', true) = 'on' THEN
                    RETURN NULL;
                END IF;
                RAISE EXCEPTION 'the audit log is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
                    USING ERRCODE = 'insufficient_privilege';
            END
            $fn$
            """,
            $"REVOKE UPDATE, DELETE, TRUNCATE ON {schema}.audit_chain_anchors FROM PUBLIC",
            .. TenantPolicies(schema, "audit_chain_anchors", systemReads: false),
        ]),
        // An entry is written on every read of a record, so what the database checks on each costs throughput: five
        // regular expressions per row were a third of an entry's insert time. The store validates every field before it
        // writes (AuditEntry.Validate); the database keeps what bounds a writer that bypasses it (lengths, the outcome,
        // hashes of 64 characters) and row-level security keeps the tenant, without pattern matching.
        new(8, "audit entries checked by length, not by pattern", schema =>
        [
            $"""
            ALTER TABLE {schema}.audit_entries
                DROP CONSTRAINT audit_entries_tenant_check,
                DROP CONSTRAINT audit_entries_category_check,
                DROP CONSTRAINT audit_entries_action_check,
                DROP CONSTRAINT audit_entries_previous_hash_check,
                DROP CONSTRAINT audit_entries_hash_check,
                ADD CONSTRAINT audit_entries_tenant_check CHECK (char_length(tenant) BETWEEN 2 AND 32),
                ADD CONSTRAINT audit_entries_category_check CHECK (char_length(category) BETWEEN 1 AND {AuditEntry.MaxNameLength}),
                ADD CONSTRAINT audit_entries_action_check CHECK (char_length(action) BETWEEN 1 AND {AuditEntry.MaxNameLength}),
                ADD CONSTRAINT audit_entries_previous_hash_check CHECK (octet_length(previous_hash) = 64),
                ADD CONSTRAINT audit_entries_hash_check CHECK (octet_length(hash) = 64)
            """,
        ]),
        // The document is text, not jsonb, for the reason the events are: it is served back exactly as accepted.
        new(9, "the community directory: each tenant's HSDS 3 services", schema =>
        [
            $"""
            CREATE TABLE {schema}.directory_services (
                tenant           text        NOT NULL CHECK (char_length(tenant) BETWEEN 2 AND 32),
                id               uuid        NOT NULL,
                organization_id  uuid,
                name             text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND {DirectoryServiceRecord.MaxNameLength}),
                status           text        NOT NULL CHECK (status IN ('active', 'inactive', 'defunct', 'temporarily closed')),
                minimum_age      numeric,
                maximum_age      numeric,
                cost             text        NOT NULL CHECK (cost IN ('unknown', 'free', 'paid')),
                assured_date     date,
                last_modified    timestamptz,
                search_text      text        NOT NULL,
                document         text        NOT NULL CHECK (octet_length(document) BETWEEN 1 AND {DirectoryServiceRecord.MaxDocumentBytes}),
                digest           text        NOT NULL CHECK (octet_length(digest) = 64),
                created_at       timestamptz NOT NULL,
                updated_at       timestamptz NOT NULL,
                PRIMARY KEY (tenant, id)
            )
            """,
            $"CREATE INDEX ix_directory_services_by_name ON {schema}.directory_services (tenant, lower(name), id)",
            $"CREATE INDEX ix_directory_services_by_update ON {schema}.directory_services (tenant, updated_at)",
            $"CREATE INDEX ix_directory_services_by_organization ON {schema}.directory_services (tenant, organization_id)",
            .. TenantPolicies(schema, "directory_services", systemReads: false),
        ]),
        // Searching the directory. The store folds accents and case itself (DirectorySearchText), as the SQLite engine
        // does, so both find the same services and no extension (unaccent) is needed; the simple configuration then only
        // splits the words. Services imported before this step have no words until they are imported again (the
        // directory arrived with step 9, in the same release).
        new(10, "searching the directory", schema =>
        [
            $"ALTER TABLE {schema}.directory_services ADD COLUMN search_words text NOT NULL DEFAULT ''",
            $"ALTER TABLE {schema}.directory_services ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_words)) STORED",
            $"CREATE INDEX ix_directory_services_search ON {schema}.directory_services USING gin (search_vector)",
        ]),
        // The rest of the directory: where each service is delivered and which taxonomy terms it carries (rewritten with
        // the service, so their rows are deleted and inserted again), the organizations, taxonomies and terms the services
        // name, and the postal-code centres a search by distance starts from.
        new(11, "directory locations, taxonomy terms, organizations and postal codes", schema =>
        [
            $"""
            CREATE TABLE {schema}.directory_service_locations (
                tenant       text             NOT NULL,
                service_id   uuid             NOT NULL,
                id           uuid             NOT NULL,
                location_id  uuid,
                latitude     double precision CHECK (latitude BETWEEN -90 AND 90),
                longitude    double precision CHECK (longitude BETWEEN -180 AND 180),
                postal_code  text             CHECK (char_length(postal_code) <= {DirectoryServiceLocation.MaxPostalCodeLength}),
                PRIMARY KEY (tenant, service_id, id),
                FOREIGN KEY (tenant, service_id) REFERENCES {schema}.directory_services (tenant, id) ON DELETE CASCADE,
                CHECK ((latitude IS NULL) = (longitude IS NULL))
            )
            """,
            $"CREATE INDEX ix_directory_service_locations_by_id ON {schema}.directory_service_locations (tenant, id)",
            $"CREATE INDEX ix_directory_service_locations_by_latitude ON {schema}.directory_service_locations (tenant, latitude) WHERE latitude IS NOT NULL",
            .. TenantPolicies(schema, "directory_service_locations", systemReads: false),
            $"""
            CREATE TABLE {schema}.directory_service_terms (
                tenant      text NOT NULL,
                service_id  uuid NOT NULL,
                term_id     uuid NOT NULL,
                PRIMARY KEY (tenant, service_id, term_id),
                FOREIGN KEY (tenant, service_id) REFERENCES {schema}.directory_services (tenant, id) ON DELETE CASCADE
            )
            """,
            $"CREATE INDEX ix_directory_service_terms_by_term ON {schema}.directory_service_terms (tenant, term_id, service_id)",
            .. TenantPolicies(schema, "directory_service_terms", systemReads: false),
            $"""
            CREATE TABLE {schema}.directory_records (
                tenant        text        NOT NULL CHECK (char_length(tenant) BETWEEN 2 AND 32),
                kind          text        NOT NULL CHECK (kind IN ('organization', 'taxonomy', 'taxonomy_term')),
                id            uuid        NOT NULL,
                name          text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND {DirectoryServiceRecord.MaxNameLength}),
                taxonomy_id   uuid,
                parent_id     uuid,
                search_text   text        NOT NULL,
                search_words  text        NOT NULL,
                document      text        NOT NULL CHECK (octet_length(document) BETWEEN 1 AND {DirectoryServiceRecord.MaxDocumentBytes}),
                digest        text        NOT NULL CHECK (octet_length(digest) = 64),
                created_at    timestamptz NOT NULL,
                updated_at    timestamptz NOT NULL,
                PRIMARY KEY (tenant, kind, id)
            )
            """,
            $"CREATE INDEX ix_directory_records_by_name ON {schema}.directory_records (tenant, kind, lower(name), id)",
            $"CREATE INDEX ix_directory_records_by_taxonomy ON {schema}.directory_records (tenant, kind, taxonomy_id)",
            .. TenantPolicies(schema, "directory_records", systemReads: false),
            $"""
            CREATE TABLE {schema}.directory_postal_codes (
                tenant     text             NOT NULL,
                code       text             NOT NULL CHECK (char_length(code) BETWEEN 1 AND {DirectoryServiceLocation.MaxPostalCodeLength}),
                latitude   double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
                longitude  double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
                PRIMARY KEY (tenant, code)
            )
            """,
            .. TenantPolicies(schema, "directory_postal_codes", systemReads: false),
        ]),
        // A two-dimensional index of where services are delivered, on the plane where a degree of longitude is as long
        // as it is at the place's latitude (so that nearness on it is nearness on the ground): a search by distance reads
        // the box around its circle, and a match reads the nearest first. Each service's words name its tenant too
        // (PostgresJourneyStore.TenantWord), so a count of a search is answered from the full-text index alone.
        new(12, "directory catalogues: writes bound to the tenant, reads open; locations indexed by point; the tenant's word", schema =>
        [
            .. CatalogueTables.SelectMany(table => CataloguePolicies(schema, table)),
            $"CREATE INDEX ix_directory_service_locations_by_point ON {schema}.directory_service_locations USING gist ({PostgresJourneyStore.PlanePoint}) WHERE latitude IS NOT NULL",
            $"SELECT set_config('{PostgresTenantScope.TenantsSetting}', (SELECT coalesce(string_agg(DISTINCT tenant, ','), '') FROM {schema}.directory_services), true)",
            $"UPDATE {schema}.directory_services SET search_words = 'sptenant' || encode(convert_to(tenant, 'UTF8'), 'hex') || ' ' || search_words",
            // Whether any of the service's places has coordinates; the words of those with none (online programs) have
            // an index of their own, so a match finds them without reading every service that holds the words.
            $"ALTER TABLE {schema}.directory_services ADD COLUMN located boolean NOT NULL DEFAULT false",
            $"CREATE INDEX ix_directory_services_unlocated_search ON {schema}.directory_services USING gin (search_vector) WHERE NOT located",
        ]),
        // The journey's community referrals and unmet needs on its caseload row (no notes, no person), for partners'
        // lists, providers' response figures, the share of people connected and the unmet-needs report; the index holds
        // only the journeys that have either.
        new(13, "community referrals and unmet needs on the caseload", schema =>
        [
            $"ALTER TABLE {schema}.journeys ADD COLUMN community_referrals jsonb CHECK (jsonb_typeof(community_referrals) = 'array')",
            $"ALTER TABLE {schema}.journeys ADD COLUMN unmet_needs jsonb CHECK (jsonb_typeof(unmet_needs) = 'array')",
            $"CREATE INDEX ix_journeys_with_referrals_or_needs ON {schema}.journeys (tenant, journey_id) WHERE community_referrals IS NOT NULL OR unmet_needs IS NOT NULL",
        ]),
        // What a caseload shows of each journey beside its stage: the first and latest contact, the next follow-up, the
        // programs still live; and the birth date, which with the name finds a possible duplicate referral. Rows written
        // before this migration get them from `projections rebuild` (or their journey's next change).
        new(14, "contacts, follow-up, programs and birth date on the caseload", schema =>
        [
            $"""
            ALTER TABLE {schema}.journeys
                ADD COLUMN first_contact_at timestamptz,
                ADD COLUMN last_contact_at timestamptz,
                ADD COLUMN next_follow_up_on date,
                ADD COLUMN active_programs integer NOT NULL DEFAULT 0 CHECK (active_programs >= 0),
                ADD COLUMN birth_date date
            """,
            $"CREATE INDEX ix_journeys_client ON {schema}.journeys (tenant, birth_date)",
        ]),
        // The counts asynchronous projections keep (per tenant, day and key), written with their feed checkpoint in
        // one transaction. The system reader reads them only to find the tenants a rebuild clears.
        new(15, "tallies of asynchronous projections", schema =>
        [
            $"""
            CREATE TABLE {schema}.projection_tallies (
                tenant      text    NOT NULL,
                projection  text    NOT NULL,
                day         date    NOT NULL,
                key         text    NOT NULL,
                count       bigint  NOT NULL CHECK (count >= 0),
                PRIMARY KEY (tenant, projection, day, key)
            )
            """,
            .. TenantPolicies(schema, "projection_tallies", systemReads: true),
        ]),
        new(16, "tenants and their settings, with every change", schema =>
        [
            // The settings document is text, as the host wrote it; its changes are kept whole, never updated.
            $$"""
            CREATE TABLE {{schema}}.tenant_settings (
                tenant      text        PRIMARY KEY CHECK (tenant ~ '^[a-z0-9-]{2,32}$'),
                version     bigint      NOT NULL CHECK (version > 0),
                settings    text        NOT NULL,
                source      text        NOT NULL,
                changed_at  timestamptz NOT NULL,
                changed_by  text        NOT NULL
            )
            """,
            $"""
            CREATE TABLE {schema}.tenant_settings_changes (
                tenant      text        NOT NULL,
                version     bigint      NOT NULL CHECK (version > 0),
                source      text        NOT NULL,
                changed_at  timestamptz NOT NULL,
                changed_by  text        NOT NULL,
                changes     text        NOT NULL,
                settings    text        NOT NULL,
                PRIMARY KEY (tenant, version)
            )
            """,
            .. TenantPolicies(schema, "tenant_settings", systemReads: true),
            .. TenantPolicies(schema, "tenant_settings_changes", systemReads: false),
        ]),
        // A journey's open safety alerts on its caseload row, and when the oldest was raised: the supervisors' list is read
        // off an index of the rows with any, in its order. Rows written before get them from `projections rebuild` (or
        // their journey's next change); until then the list reads those journeys' alerts from their streams.
        new(17, "open safety alerts on the caseload", schema =>
        [
            $"""
            ALTER TABLE {schema}.journeys
                ADD COLUMN safety_alerts jsonb CHECK (jsonb_typeof(safety_alerts) = 'array'),
                ADD COLUMN oldest_open_alert_at timestamptz
            """,
            $"CREATE INDEX ix_journeys_open_alerts ON {schema}.journeys (tenant, oldest_open_alert_at, journey_id) WHERE open_safety_alerts > 0",
        ]),
        // When a journey's assessments were taken (first and latest), the instruments it has a baseline of, and when its
        // first community referral was made: an outcome report reads the journeys its period needs off these indexes.
        // Rows written before are read whole until `projections rebuild` (or their journey's next change).
        new(18, "assessment and community-referral instants on the caseload", schema =>
        [
            $"""
            ALTER TABLE {schema}.journeys
                ADD COLUMN first_assessed_at timestamptz,
                ADD COLUMN last_assessed_at timestamptz,
                ADD COLUMN baseline_instruments jsonb CHECK (jsonb_typeof(baseline_instruments) = 'array'),
                ADD COLUMN first_program_referral_at timestamptz
            """,
            $"CREATE INDEX ix_journeys_assessed ON {schema}.journeys (tenant, last_assessed_at) WHERE last_assessed_at IS NOT NULL",
            $"CREATE INDEX ix_journeys_assessed_before ON {schema}.journeys (tenant) WHERE assessment_digest IS NOT NULL AND first_assessed_at IS NULL",
            $"CREATE INDEX ix_journeys_program_referred ON {schema}.journeys (tenant, first_program_referral_at) WHERE first_program_referral_at IS NOT NULL",
            $"CREATE INDEX ix_journeys_program_referred_before ON {schema}.journeys (tenant) WHERE community_referrals IS NOT NULL AND first_program_referral_at IS NULL",
        ]),
        // Each service's search words and name key in a narrow table of their own, with the full-text index that was on
        // the services. A search's count has to visit every row it matches (PostgreSQL 15 checks visibility on the heap
        // even for a count), and a service row holds its whole document: counting a broad word read ten thousand of
        // those pages, more than the shared buffers keep. Here the same count reads a tenth of the pages, and a page of a
        // search is ordered here before the 50 services it shows are fetched. The services keep their words (a match
        // still filters on them, and the index of services with no place stays there).
        new(19, "the directory's search words in a narrow table of their own", schema =>
        [
            $"""
            CREATE TABLE {schema}.directory_service_search (
                tenant         text     NOT NULL,
                id             uuid     NOT NULL,
                name_key       text     NOT NULL,
                search_vector  tsvector NOT NULL,
                PRIMARY KEY (tenant, id),
                FOREIGN KEY (tenant, id) REFERENCES {schema}.directory_services (tenant, id) ON DELETE CASCADE
            )
            """,
            $"CREATE INDEX ix_directory_service_search_words ON {schema}.directory_service_search USING gin (search_vector)",
            $"CREATE INDEX ix_directory_service_search_by_name ON {schema}.directory_service_search (tenant, name_key, id)",
            .. TenantPolicies(schema, "directory_service_search", systemReads: false),
            .. CataloguePolicies(schema, "directory_service_search"),
            $"SELECT set_config('{PostgresTenantScope.TenantsSetting}', (SELECT coalesce(string_agg(DISTINCT tenant, ','), '') FROM {schema}.directory_services), true)",
            $"INSERT INTO {schema}.directory_service_search (tenant, id, name_key, search_vector) SELECT tenant, id, lower(name), search_vector FROM {schema}.directory_services",
            $"DROP INDEX {schema}.ix_directory_services_search",
        ]),
        // When the oldest community referral still awaiting its provider's answer was made: the partner-response sweep
        // reads the journeys past the tenant's deadline off this index, instead of a stored job for each referral. Rows
        // written before get it from `projections rebuild` (or their journey's next change); their referrals' checks were
        // scheduled as jobs, which still run.
        new(20, "referrals awaiting their provider's answer on the caseload", schema =>
        [
            $"ALTER TABLE {schema}.journeys ADD COLUMN partner_answer_awaited_since timestamptz",
            $"CREATE INDEX ix_journeys_partner_answer_awaited ON {schema}.journeys (tenant, partner_answer_awaited_since, journey_id) WHERE partner_answer_awaited_since IS NOT NULL",
        ]),
        // Outcome reports as numbers: each journey's series per instrument in a compact text (read instead of parsing the
        // assessment digest), and when its first community referral started, so the share of people connected is counted
        // in SQL. Rows written before have neither: their assessments are read from their digest (the report sees a null
        // text), and their first referral's time is cleared so the report reads their referral digest, until `projections
        // rebuild` or their journey's next change writes both.
        new(21, "outcome measures and the first program started on the caseload", schema =>
        [
            $"ALTER TABLE {schema}.journeys ADD COLUMN outcome_measures text, ADD COLUMN first_program_started_at timestamptz",
            $"SELECT set_config('{PostgresTenantScope.TenantsSetting}', (SELECT coalesce(string_agg(DISTINCT tenant, ','), '') FROM {schema}.journeys WHERE first_program_referral_at IS NOT NULL), true)",
            $"UPDATE {schema}.journeys SET first_program_referral_at = NULL WHERE first_program_referral_at IS NOT NULL",
        ]),
        // When the latest emergency access not yet reported to the privacy officers was opened: reconciliation sends the
        // notices whose job was lost (in-memory job storage, a crash) off this index. Rows written before have none until
        // `projections rebuild` or their journey's next change; their accesses stay in the audit log either way.
        new(22, "emergency accesses not yet reported on the caseload", schema =>
        [
            $"ALTER TABLE {schema}.journeys ADD COLUMN last_unnotified_emergency_access_at timestamptz",
            $"CREATE INDEX ix_journeys_unnotified_emergency_access ON {schema}.journeys (tenant, last_unnotified_emergency_access_at, journey_id) WHERE last_unnotified_emergency_access_at IS NOT NULL",
        ]),
        // Outcome reports off indexes alone: the caseload row is wide (digests of referrals, alerts and assessments), so
        // reading half the rows of a year reads every page. The period's outcome measures, the people first referred and
        // connected, and the counts of journeys assessed and baselined are read from indexes that carry what they need
        // (index-only scans wherever the visibility map allows).
        new(23, "outcome reports off covering indexes", schema =>
        [
            $"DROP INDEX {schema}.ix_journeys_assessed",
            $"CREATE INDEX ix_journeys_assessed ON {schema}.journeys (tenant, last_assessed_at) INCLUDE (first_assessed_at, journey_id, outcome_measures) WHERE outcome_measures IS NOT NULL",
            $"CREATE INDEX ix_journeys_assessed_unmeasured ON {schema}.journeys (tenant) WHERE outcome_measures IS NULL AND assessment_digest IS NOT NULL",
            $"CREATE INDEX ix_journeys_measured ON {schema}.journeys (tenant) WHERE outcome_measures IS NOT NULL",
            $"CREATE INDEX ix_journeys_baselines ON {schema}.journeys (tenant, baseline_instruments) WHERE baseline_instruments IS NOT NULL",
            $"DROP INDEX {schema}.ix_journeys_program_referred",
            $"CREATE INDEX ix_journeys_program_referred ON {schema}.journeys (tenant, first_program_referral_at) INCLUDE (link_worker_id, first_program_started_at) WHERE first_program_referral_at IS NOT NULL",
        ]),
        // Each long journey's latest snapshot: its state folded from its first `version` events, written by the build
        // named in `kind`, so an activation reads it and the events after it instead of the whole stream. A cache of
        // what the events say, replaced as the journey grows; the events stay the record.
        new(24, "journey snapshots", schema =>
        [
            $$"""
            CREATE TABLE {{schema}}.journey_snapshots (
                tenant      text        NOT NULL CHECK (tenant ~ '^[a-z0-9-]{2,32}$'),
                journey_id  uuid        NOT NULL,
                kind        text        NOT NULL,
                version     bigint      NOT NULL CHECK (version > 0),
                data        bytea       NOT NULL,
                taken_at    timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (tenant, journey_id)
            )
            """,
            .. TenantPolicies(schema, "journey_snapshots", systemReads: false),
        ]),
    ];


    /// <summary>
    /// Row-level security on one tenant table, FORCEd so that it binds the table's owner too (only a superuser or a
    /// role with BYPASSRLS gets past it, which the store reports at start-up). Rows are visible and writable only to a
    /// transaction that named their tenant (<see cref="PostgresTenantScope"/>); a statement run without it sees no rows
    /// and may write none. The system reader may only read, and only where it has to.
    /// </summary>
    private static IEnumerable<string> TenantPolicies(string schema, string table, bool systemReads)
    {
        yield return $"ALTER TABLE {schema}.{table} ENABLE ROW LEVEL SECURITY";
        yield return $"ALTER TABLE {schema}.{table} FORCE ROW LEVEL SECURITY";
        yield return $"""
            CREATE POLICY tenant_rows ON {schema}.{table}
                USING ({PostgresTenantScope.RowInScope}) WITH CHECK ({PostgresTenantScope.RowInScope})
            """;
        if (systemReads)
        {
            yield return $"CREATE POLICY system_reads ON {schema}.{table} FOR SELECT USING ({PostgresTenantScope.SystemReader})";
        }
    }

    /// <summary>
    /// Row-level security on a catalogue table (<see cref="CatalogueTables"/>) in place of <see cref="TenantPolicies"/>:
    /// still FORCEd, every insert, update and delete bound to the transaction's tenant, reads open.
    /// </summary>
    private static IEnumerable<string> CataloguePolicies(string schema, string table)
    {
        yield return $"DROP POLICY tenant_rows ON {schema}.{table}";
        yield return $"CREATE POLICY catalogue_reads ON {schema}.{table} FOR SELECT USING (true)";
        yield return $"CREATE POLICY tenant_inserts ON {schema}.{table} FOR INSERT WITH CHECK ({PostgresTenantScope.RowInScope})";
        yield return $"CREATE POLICY tenant_updates ON {schema}.{table} FOR UPDATE USING ({PostgresTenantScope.RowInScope}) WITH CHECK ({PostgresTenantScope.RowInScope})";
        yield return $"CREATE POLICY tenant_deletes ON {schema}.{table} FOR DELETE USING ({PostgresTenantScope.RowInScope})";
    }

    /// <summary>
    /// What the application's role may do, granted by the owner after every migration (so a new application role gets
    /// it from the next <c>migrate</c>): read and write rows, never change the schema. Events, record streams and audit
    /// entries are insert-only; caseload rows are rewritten and, by a rebuild, deleted.
    /// </summary>
    public static IReadOnlyList<string> Grants(string schema, string role) =>
    [
        $"GRANT USAGE ON SCHEMA {schema} TO {role}",
        $"GRANT SELECT ON {schema}.schema_migrations TO {role}",
        $"GRANT SELECT, INSERT ON {schema}.journey_events, {schema}.record_streams, {schema}.audit_entries TO {role}",
        $"GRANT SELECT, INSERT, UPDATE, DELETE ON {schema}.journeys, {schema}.projection_tallies TO {role}",
        $"GRANT SELECT, INSERT, UPDATE ON {schema}.feed_checkpoints, {schema}.audit_chain_heads, {schema}.directory_services TO {role}",
        $"GRANT SELECT, INSERT, UPDATE ON {schema}.directory_records, {schema}.directory_postal_codes, {schema}.directory_service_search TO {role}",
        $"GRANT SELECT, INSERT, DELETE ON {schema}.directory_service_locations, {schema}.directory_service_terms TO {role}",
        $"GRANT SELECT ON {schema}.audit_chain_anchors TO {role}",
        $"GRANT SELECT, INSERT, UPDATE ON {schema}.tenant_settings TO {role}",
        $"GRANT SELECT, INSERT ON {schema}.tenant_settings_changes TO {role}",
        $"GRANT SELECT, INSERT, UPDATE ON {schema}.journey_snapshots TO {role}",
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
