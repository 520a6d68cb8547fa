-- After `SocialPrescribing.Host.dll migrate` into database sp (owner sp_owner, application role sp_app): raw's table,
-- a copy of journey_events without the feed's position column and index, and 64 caseload rows to update.
CREATE TABLE IF NOT EXISTS public.raw_events (tenant text NOT NULL, journey_id uuid NOT NULL, version bigint NOT NULL, event_type text NOT NULL,
    data text NOT NULL, command_id uuid NOT NULL, actor text NOT NULL, occurred_at timestamptz NOT NULL, PRIMARY KEY (tenant, journey_id, version));
GRANT INSERT, SELECT ON public.raw_events TO sp_app;
CREATE TABLE IF NOT EXISTS public.ev_nofeed (LIKE social_prescribing.journey_events INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE public.ev_nofeed DROP COLUMN IF EXISTS position;
ALTER TABLE public.ev_nofeed ADD PRIMARY KEY (tenant, journey_id, version);
SET session_replication_role = replica;
INSERT INTO social_prescribing.journeys (tenant, journey_id, version, status, link_worker_id, client_name, referred_at, first_contact_due_at,
    first_contact_overdue, awaits_first_contact_check, updated_at, open_safety_alerts, assessment_digest, trips_awaiting_partner,
    community_referrals, unmet_needs, first_contact_at, last_contact_at, next_follow_up_on, active_programs, birth_date)
SELECT 'ab', ('00000000-0000-0000-0000-' || lpad(g::text, 12, '0'))::uuid, 1, 'engaged', 'lw-1', 'Marie Tremblay', now(), now() + interval '5 days',
    false, false, now(), 0, null, 0, null, null, now(), now(), null, 0, '1950-01-01'
FROM generate_series(1, 64) g ON CONFLICT DO NOTHING;
