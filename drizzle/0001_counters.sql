-- The change-feed counter and the audit chain's head are single rows that must exist before the
-- first write; the genesis hash is 64 zeros.
INSERT INTO "sync_counter" ("id", "seq") VALUES (1, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "audit_head" ("id", "seq", "hash") VALUES (1, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
