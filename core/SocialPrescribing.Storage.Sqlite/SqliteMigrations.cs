namespace SocialPrescribing.Storage.Sqlite;

/// <summary>
/// The schema, as numbered steps applied in order and recorded in <c>schema_migrations</c>. Steps are
/// only ever added, never edited, and never drop data.
/// </summary>
internal static class SqliteMigrations
{
    public static readonly IReadOnlyList<(int Version, string Sql)> Steps =
    [
        (1, """
            CREATE TABLE journey_events (
                tenant       TEXT    NOT NULL,
                journey_id   TEXT    NOT NULL,
                version      INTEGER NOT NULL,
                event_type   TEXT    NOT NULL,
                data         TEXT    NOT NULL,
                command_id   TEXT    NOT NULL,
                actor        TEXT    NOT NULL,
                occurred_at  TEXT    NOT NULL,
                PRIMARY KEY (tenant, journey_id, version)
            ) WITHOUT ROWID;

            CREATE TABLE journeys (
                tenant                     TEXT    NOT NULL,
                journey_id                 TEXT    NOT NULL,
                version                    INTEGER NOT NULL,
                status                     TEXT    NOT NULL,
                link_worker_id             TEXT,
                client_name                TEXT    NOT NULL,
                referred_at                TEXT    NOT NULL,
                first_contact_due_at       TEXT,
                first_contact_overdue      INTEGER NOT NULL,
                awaits_first_contact_check INTEGER NOT NULL,
                updated_at                 TEXT    NOT NULL,
                PRIMARY KEY (tenant, journey_id)
            ) WITHOUT ROWID;

            CREATE INDEX ix_journeys_caseload ON journeys (tenant, status, link_worker_id, referred_at);
            CREATE INDEX ix_journeys_first_contact ON journeys (tenant, awaits_first_contact_check) WHERE awaits_first_contact_check = 1;
            """),
        (2, """
            ALTER TABLE journeys ADD COLUMN open_safety_alerts INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE journeys ADD COLUMN trips_awaiting_partner INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE journeys ADD COLUMN assessment_digest TEXT;
            CREATE INDEX ix_journeys_open_safety_alerts ON journeys (tenant, referred_at) WHERE open_safety_alerts > 0;
            CREATE INDEX ix_journeys_trips_awaiting_partner ON journeys (tenant, referred_at) WHERE trips_awaiting_partner > 0;
            """),
        (3, """
            CREATE TABLE record_streams (
                tenant       TEXT    NOT NULL,
                kind         TEXT    NOT NULL,
                stream_id    TEXT    NOT NULL,
                version      INTEGER NOT NULL CHECK (version > 0),
                event_type   TEXT    NOT NULL,
                data         TEXT    NOT NULL,
                command_id   TEXT    NOT NULL,
                actor        TEXT    NOT NULL,
                occurred_at  TEXT    NOT NULL,
                PRIMARY KEY (tenant, kind, stream_id, version)
            ) WITHOUT ROWID;

            -- One entry per stream (its first record), for listing a kind's streams without reading their records.
            CREATE INDEX ix_record_streams_by_kind ON record_streams (tenant, kind, stream_id) WHERE version = 1;
            """),
        (4, """
            -- The ordered feed. SQLite's writers take turns, so numbering events as they are written is commit order:
            -- a reader can never find a gap that a later commit fills. Events already stored are numbered in time order.
            ALTER TABLE journey_events ADD COLUMN position INTEGER;
            UPDATE journey_events SET position = numbered.n
            FROM (
                SELECT tenant AS t, journey_id AS j, version AS v,
                       ROW_NUMBER() OVER (ORDER BY occurred_at, tenant, journey_id, version) AS n
                FROM journey_events
            ) AS numbered
            WHERE journey_events.tenant = numbered.t AND journey_events.journey_id = numbered.j AND journey_events.version = numbered.v;
            CREATE UNIQUE INDEX ix_journey_events_position ON journey_events (position);

            CREATE TABLE feed_checkpoints (
                consumer    TEXT    NOT NULL PRIMARY KEY,
                position    INTEGER NOT NULL,
                updated_at  TEXT    NOT NULL
            ) WITHOUT ROWID;

            -- Events stored before the feed existed were reacted to when they were committed: the reactions start after them.
            INSERT INTO feed_checkpoints (consumer, position, updated_at)
            SELECT 'reactions', COALESCE(MAX(position), 0), strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM journey_events;
            """),
        (5, """
            -- The audit log: one hash chain per tenant, numbered by the appender under the write lock. Entries are
            -- append-only here too: triggers refuse every UPDATE and DELETE (SQLite has no TRUNCATE, and a DELETE of a
            -- table with triggers never takes the truncate shortcut).
            CREATE TABLE audit_entries (
                tenant             TEXT    NOT NULL,
                sequence           INTEGER NOT NULL CHECK (sequence > 0),
                at                 TEXT    NOT NULL,
                actor              TEXT    NOT NULL,
                roles              TEXT,
                client             TEXT,
                journey_id         TEXT,
                category           TEXT    NOT NULL,
                action             TEXT    NOT NULL,
                outcome            TEXT    NOT NULL CHECK (outcome IN ('allowed', 'denied')),
                purpose            TEXT,
                break_glass_reason TEXT,
                request_id         TEXT,
                source_address     TEXT,
                previous_hash      TEXT    NOT NULL,
                hash               TEXT    NOT NULL,
                PRIMARY KEY (tenant, sequence)
            ) WITHOUT ROWID;

            CREATE INDEX ix_audit_entries_by_journey ON audit_entries (tenant, journey_id, sequence) WHERE journey_id IS NOT NULL;
            CREATE INDEX ix_audit_entries_by_actor ON audit_entries (tenant, actor, sequence);
            CREATE INDEX ix_audit_entries_by_time ON audit_entries (tenant, at);

            -- Each chain's last entry, compared with the chain by verification so entries removed from the end are found.
            CREATE TABLE audit_chain_heads (
                tenant    TEXT    NOT NULL PRIMARY KEY,
                sequence  INTEGER NOT NULL CHECK (sequence >= 0),
                hash      TEXT    NOT NULL
            ) WITHOUT ROWID;

            CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: UPDATE on audit_entries is not allowed'); END;
            CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: DELETE on audit_entries is not allowed'); END;
            CREATE TRIGGER audit_chain_heads_no_delete BEFORE DELETE ON audit_chain_heads
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: DELETE on audit_chain_heads is not allowed'); END;
            CREATE TRIGGER audit_chain_heads_forward BEFORE UPDATE ON audit_chain_heads
            WHEN NEW.tenant <> OLD.tenant OR NEW.sequence <= OLD.sequence
            BEGIN SELECT RAISE(ABORT, 'an audit chain head only moves forward'); END;
            """),
        (6, """
            -- Audit retention: where each tenant's kept chain starts once its oldest entries are purged (the last entry
            -- removed), and a gate a purge opens for its own transaction: without a row in it, deletes stay refused.
            CREATE TABLE audit_chain_anchors (
                tenant         TEXT    NOT NULL PRIMARY KEY,
                sequence       INTEGER NOT NULL CHECK (sequence > 0),
                hash           TEXT    NOT NULL,
                purged_before  TEXT    NOT NULL,
                purged_at      TEXT    NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE audit_purge_gate (tenant TEXT NOT NULL PRIMARY KEY) WITHOUT ROWID;
            CREATE TRIGGER audit_chain_anchors_no_delete BEFORE DELETE ON audit_chain_anchors
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: DELETE on audit_chain_anchors is not allowed'); END;
            CREATE TRIGGER audit_chain_anchors_forward BEFORE UPDATE ON audit_chain_anchors
            WHEN NEW.tenant <> OLD.tenant OR NEW.sequence <= OLD.sequence
            BEGIN SELECT RAISE(ABORT, 'an audit chain anchor only moves forward'); END;
            DROP TRIGGER audit_entries_no_delete;
            CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
            WHEN NOT EXISTS (SELECT 1 FROM audit_purge_gate WHERE tenant = OLD.tenant)
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: DELETE on audit_entries is not allowed'); END;
            """),
        (7, """
            -- The community directory: each tenant's HSDS 3 services, the document whole beside what searches filter on.
            CREATE TABLE directory_services (
                tenant           TEXT NOT NULL,
                id               TEXT NOT NULL,
                organization_id  TEXT,
                name             TEXT NOT NULL,
                status           TEXT NOT NULL,
                minimum_age      REAL,
                maximum_age      REAL,
                cost             TEXT NOT NULL,
                assured_date     TEXT,
                last_modified    TEXT,
                search_text      TEXT NOT NULL,
                document         TEXT NOT NULL,
                digest           TEXT NOT NULL,
                created_at       TEXT NOT NULL,
                updated_at       TEXT NOT NULL,
                PRIMARY KEY (tenant, id)
            ) WITHOUT ROWID;
            CREATE INDEX ix_directory_services_by_name ON directory_services (tenant, lower(name), id);
            CREATE INDEX ix_directory_services_by_update ON directory_services (tenant, updated_at);
            CREATE INDEX ix_directory_services_by_organization ON directory_services (tenant, organization_id);
            """),
        (8, """
            -- Searching the directory: the folded words of each service in a full-text index, found by a key table
            -- (the services table has no rowid for the index to point at).
            CREATE TABLE directory_search_keys (
                rowid   INTEGER PRIMARY KEY,
                tenant  TEXT NOT NULL,
                id      TEXT NOT NULL,
                UNIQUE (tenant, id)
            );
            CREATE VIRTUAL TABLE directory_search USING fts5(words, tokenize = 'unicode61 remove_diacritics 2');
            """),
        (9, """
            -- The rest of the directory: where each service is delivered and which taxonomy terms it carries (rewritten
            -- with the service), the organizations, taxonomies and terms the services name, and postal-code centres.
            CREATE TABLE directory_service_locations (
                tenant       TEXT NOT NULL,
                service_id   TEXT NOT NULL,
                id           TEXT NOT NULL,
                location_id  TEXT,
                latitude     REAL,
                longitude    REAL,
                postal_code  TEXT,
                PRIMARY KEY (tenant, service_id, id)
            ) WITHOUT ROWID;
            CREATE INDEX ix_directory_service_locations_by_id ON directory_service_locations (tenant, id);
            CREATE INDEX ix_directory_service_locations_by_latitude ON directory_service_locations (tenant, latitude) WHERE latitude IS NOT NULL;
            CREATE TABLE directory_service_terms (
                tenant      TEXT NOT NULL,
                service_id  TEXT NOT NULL,
                term_id     TEXT NOT NULL,
                PRIMARY KEY (tenant, service_id, term_id)
            ) WITHOUT ROWID;
            CREATE INDEX ix_directory_service_terms_by_term ON directory_service_terms (tenant, term_id, service_id);
            CREATE TABLE directory_records (
                tenant        TEXT NOT NULL,
                kind          TEXT NOT NULL,
                id            TEXT NOT NULL,
                name          TEXT NOT NULL,
                taxonomy_id   TEXT,
                parent_id     TEXT,
                search_text   TEXT NOT NULL,
                search_words  TEXT NOT NULL,
                document      TEXT NOT NULL,
                digest        TEXT NOT NULL,
                created_at    TEXT NOT NULL,
                updated_at    TEXT NOT NULL,
                PRIMARY KEY (tenant, kind, id)
            ) WITHOUT ROWID;
            CREATE INDEX ix_directory_records_by_name ON directory_records (tenant, kind, lower(name), id);
            CREATE INDEX ix_directory_records_by_taxonomy ON directory_records (tenant, kind, taxonomy_id);
            CREATE TABLE directory_postal_codes (
                tenant     TEXT NOT NULL,
                code       TEXT NOT NULL,
                latitude   REAL NOT NULL,
                longitude  REAL NOT NULL,
                PRIMARY KEY (tenant, code)
            ) WITHOUT ROWID;
            """),
        (10, """
            -- Whether any of a service's places has coordinates: a match looks for online programs among those with none.
            ALTER TABLE directory_services ADD COLUMN located INTEGER NOT NULL DEFAULT 0;
            """),
        (11, """
            -- The journey's community referrals and unmet needs (JSON, no notes, no person): partners' lists, response
            -- figures, people connected, the unmet-needs report.
            ALTER TABLE journeys ADD COLUMN community_referrals TEXT;
            ALTER TABLE journeys ADD COLUMN unmet_needs TEXT;
            CREATE INDEX ix_journeys_with_referrals_or_needs ON journeys (tenant, journey_id) WHERE community_referrals IS NOT NULL OR unmet_needs IS NOT NULL;
            """),
        (12, """
            -- What a caseload shows beside the stage (first and latest contact, next follow-up, programs still live) and
            -- the birth date that, with the name, finds a possible duplicate referral. Rows written before get them from
            -- `projections rebuild` (or their journey's next change).
            ALTER TABLE journeys ADD COLUMN first_contact_at TEXT;
            ALTER TABLE journeys ADD COLUMN last_contact_at TEXT;
            ALTER TABLE journeys ADD COLUMN next_follow_up_on TEXT;
            ALTER TABLE journeys ADD COLUMN active_programs INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE journeys ADD COLUMN birth_date TEXT;
            CREATE INDEX ix_journeys_client ON journeys (tenant, birth_date);
            """),
        (13, """
            -- The counts asynchronous projections keep (per tenant, day and key), written with their feed checkpoint in
            -- one transaction.
            CREATE TABLE projection_tallies (
                tenant      TEXT    NOT NULL,
                projection  TEXT    NOT NULL,
                day         TEXT    NOT NULL,
                key         TEXT    NOT NULL,
                count       INTEGER NOT NULL CHECK (count >= 0),
                PRIMARY KEY (tenant, projection, day, key)
            ) WITHOUT ROWID;
            """),
        (14, """
            -- One index per caseload shape, each in listing order (newest referral first, then id), as on PostgreSQL: a page
            -- is read off the index, and a link worker's caseload no longer scans the tenant's.
            CREATE INDEX ix_journeys_newest ON journeys (tenant, referred_at DESC, journey_id);
            CREATE INDEX ix_journeys_by_status ON journeys (tenant, status, referred_at DESC, journey_id);
            CREATE INDEX ix_journeys_by_link_worker ON journeys (tenant, link_worker_id, referred_at DESC, journey_id) WHERE link_worker_id IS NOT NULL;
            DROP INDEX ix_journeys_caseload;
            """),
        (15, """
            -- The tenants and their settings (a JSON document), and every change of them, kept whole.
            CREATE TABLE tenant_settings (
                tenant      TEXT    NOT NULL PRIMARY KEY,
                version     INTEGER NOT NULL CHECK (version > 0),
                settings    TEXT    NOT NULL,
                source      TEXT    NOT NULL,
                changed_at  TEXT    NOT NULL,
                changed_by  TEXT    NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE tenant_settings_changes (
                tenant      TEXT    NOT NULL,
                version     INTEGER NOT NULL CHECK (version > 0),
                source      TEXT    NOT NULL,
                changed_at  TEXT    NOT NULL,
                changed_by  TEXT    NOT NULL,
                changes     TEXT    NOT NULL,
                settings    TEXT    NOT NULL,
                PRIMARY KEY (tenant, version)
            ) WITHOUT ROWID;
            """),
        (16, """
            -- A journey's open safety alerts on its caseload row, and when the oldest was raised: the supervisors' list is
            -- read off an index of the rows with any, in its order. Rows written before get them from `projections
            -- rebuild` (or their journey's next change); until then the list reads those journeys' alerts from their
            -- streams.
            ALTER TABLE journeys ADD COLUMN safety_alerts TEXT;
            ALTER TABLE journeys ADD COLUMN oldest_open_alert_at TEXT;
            CREATE INDEX ix_journeys_open_alerts ON journeys (tenant, oldest_open_alert_at, journey_id) WHERE open_safety_alerts > 0;
            """),
        (17, """
            -- When a journey's assessments were taken (first and latest), the instruments it has a baseline of, and when its
            -- first community referral was made: an outcome report reads the journeys its period needs off these
            -- indexes. Rows written before are read whole until `projections rebuild` (or their journey's next change).
            ALTER TABLE journeys ADD COLUMN first_assessed_at TEXT;
            ALTER TABLE journeys ADD COLUMN last_assessed_at TEXT;
            ALTER TABLE journeys ADD COLUMN baseline_instruments TEXT;
            ALTER TABLE journeys ADD COLUMN first_program_referral_at TEXT;
            CREATE INDEX ix_journeys_assessed ON journeys (tenant, last_assessed_at) WHERE last_assessed_at IS NOT NULL;
            CREATE INDEX ix_journeys_assessed_before ON journeys (tenant) WHERE assessment_digest IS NOT NULL AND first_assessed_at IS NULL;
            CREATE INDEX ix_journeys_program_referred ON journeys (tenant, first_program_referral_at) WHERE first_program_referral_at IS NOT NULL;
            CREATE INDEX ix_journeys_program_referred_before ON journeys (tenant) WHERE community_referrals IS NOT NULL AND first_program_referral_at IS NULL;
            """),
        (18, """
            -- Due first-contact checks are found in deadline order from the journeys still waiting for one (a sweep every
            -- minute reads those past their deadline), instead of a stored job for each accepted referral.
            DROP INDEX ix_journeys_first_contact;
            CREATE INDEX ix_journeys_first_contact_due ON journeys (tenant, first_contact_due_at, journey_id)
                WHERE awaits_first_contact_check = 1 AND first_contact_due_at IS NOT NULL;
            """),
        (19, """
            -- When the oldest community referral still awaiting its provider's answer was made: the partner-response sweep
            -- reads the journeys past the tenant's deadline off this index, instead of a stored job for each referral.
            -- Rows written before get it from `projections rebuild` (or their journey's next change); their referrals'
            -- checks were scheduled as jobs, which still run.
            ALTER TABLE journeys ADD COLUMN partner_answer_awaited_since TEXT;
            CREATE INDEX ix_journeys_partner_answer_awaited ON journeys (tenant, partner_answer_awaited_since, journey_id)
                WHERE partner_answer_awaited_since IS NOT NULL;
            """),
        (20, """
            -- Outcome reports as numbers: each journey's series per instrument in a compact text (read instead of parsing
            -- the assessment digest), and when its first community referral started, so the share of people connected is
            -- counted in SQL. Rows written before have neither: their assessments are read from their digest (the report
            -- sees a null text), and their first referral's time is cleared so the report reads their referral digest,
            -- until `projections rebuild` or their journey's next change writes both.
            ALTER TABLE journeys ADD COLUMN outcome_measures TEXT;
            ALTER TABLE journeys ADD COLUMN first_program_started_at TEXT;
            UPDATE journeys SET first_program_referral_at = NULL WHERE first_program_referral_at IS NOT NULL;
            """),
        (21, """
            -- When the latest emergency access not yet reported to the privacy officers was opened: reconciliation sends
            -- the notices whose job was lost (in-memory job storage, a crash) off this index. Rows written before have none
            -- until `projections rebuild` or their journey's next change; their accesses stay in the audit log either way.
            ALTER TABLE journeys ADD COLUMN last_unnotified_emergency_access_at TEXT;
            CREATE INDEX ix_journeys_unnotified_emergency_access ON journeys (tenant, last_unnotified_emergency_access_at, journey_id)
                WHERE last_unnotified_emergency_access_at IS NOT NULL;
            """),
        (22, """
            -- Outcome reports off indexes alone: the caseload row is wide (digests of referrals, alerts and assessments), so
            -- the period's outcome measures, the people first referred and connected, and the counts of journeys assessed
            -- and baselined are read from indexes that carry what they need.
            DROP INDEX ix_journeys_assessed;
            CREATE INDEX ix_journeys_assessed ON journeys (tenant, last_assessed_at, first_assessed_at, journey_id, outcome_measures)
                WHERE outcome_measures IS NOT NULL;
            CREATE INDEX ix_journeys_assessed_unmeasured ON journeys (tenant) WHERE outcome_measures IS NULL AND assessment_digest IS NOT NULL;
            CREATE INDEX ix_journeys_measured ON journeys (tenant) WHERE outcome_measures IS NOT NULL;
            CREATE INDEX ix_journeys_baselines ON journeys (tenant, baseline_instruments) WHERE baseline_instruments IS NOT NULL;
            DROP INDEX ix_journeys_program_referred;
            CREATE INDEX ix_journeys_program_referred ON journeys (tenant, first_program_referral_at, link_worker_id, first_program_started_at)
                WHERE first_program_referral_at IS NOT NULL;
            """),
        (23, """
            -- Each long journey's latest snapshot: its state folded from its first `version` events, written by the build
            -- named in `kind`, so an activation reads it and the events after it instead of the whole stream. A cache of
            -- what the events say, replaced as the journey grows; the events stay the record.
            CREATE TABLE journey_snapshots (
                tenant      TEXT    NOT NULL,
                journey_id  TEXT    NOT NULL,
                kind        TEXT    NOT NULL,
                version     INTEGER NOT NULL CHECK (version > 0),
                data        BLOB    NOT NULL,
                taken_at    TEXT    NOT NULL,
                PRIMARY KEY (tenant, journey_id)
            ) WITHOUT ROWID;
            """),
    ];
}
