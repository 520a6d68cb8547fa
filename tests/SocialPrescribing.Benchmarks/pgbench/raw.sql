\set v random(1, 9000000000000000000)
INSERT INTO public.raw_events (tenant, journey_id, version, event_type, data, command_id, actor, occurred_at) VALUES ('ab', ('00000000-0000-0000-0000-' || lpad((:client_id + 1)::text, 12, '0'))::uuid, :v, 'ContactRecorded', '{"at":"2026-12-06T03:00:00Z","channel":"phone","note":"Reached by phone"}', gen_random_uuid(), 'lw-1', now());
