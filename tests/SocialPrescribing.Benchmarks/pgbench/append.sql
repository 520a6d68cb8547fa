\startpipeline
SELECT set_config('sp.tenants', 'ab', true);
WITH summary AS (UPDATE social_prescribing.journeys SET version = version + 1, status = 'engaged', link_worker_id = 'lw-1', client_name = 'Marie Tremblay', referred_at = referred_at, first_contact_due_at = first_contact_due_at, first_contact_overdue = false, awaits_first_contact_check = false, updated_at = now(), open_safety_alerts = 0, assessment_digest = NULL, trips_awaiting_partner = 0, community_referrals = NULL::jsonb, unmet_needs = NULL::jsonb, first_contact_at = first_contact_at, last_contact_at = now(), next_follow_up_on = NULL, active_programs = 0, birth_date = '1950-01-01'
  WHERE tenant = 'ab' AND journey_id = ('00000000-0000-0000-0000-' || lpad((:client_id + 1)::text, 12, '0'))::uuid RETURNING version)
INSERT INTO social_prescribing.journey_events (tenant, journey_id, version, event_type, data, command_id, actor, occurred_at)
SELECT 'ab', ('00000000-0000-0000-0000-' || lpad((:client_id + 1)::text, 12, '0'))::uuid, s.version, 'ContactRecorded', '{"at":"2026-12-06T03:00:00Z","channel":"phone","note":"Reached by phone"}', gen_random_uuid(), 'lw-1', now() FROM summary s;
\endpipeline
