import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import { audit } from '../../src/lib/server/audit/log.ts';
import { verifyAuditChain } from '../../src/lib/server/audit/verify.ts';

let database: Database;

beforeAll(async () => {
	database = await openTestDatabase();
	for (let i = 0; i < 12; i++) await audit(database.db, { userId: null, action: 'test.entry', entity: 'test', recordId: String(i), summary: `n=${i}` });
});
afterAll(async () => database?.close());

describe(`the audit chain on ${testEngine}`, () => {
	it('verifies when nothing was touched', async () => {
		expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 12 });
	});

	it('keeps its order when many writers append at once', async () => {
		await Promise.all(Array.from({ length: 20 }, (_, i) => audit(database.db, { userId: null, action: 'test.concurrent', summary: `c=${i}` })));
		expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 32 });
	});

	it('names the first edited entry', async () => {
		await database.db.execute(sql`UPDATE audit_log SET summary = 'n=forged' WHERE seq = 5`);
		expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, brokenAt: 5, reason: 'hash' });
		await database.db.execute(sql`UPDATE audit_log SET summary = 'n=4' WHERE seq = 5`);
		expect((await verifyAuditChain(database.db)).ok).toBe(true);
	});

	it('names the entry after a deleted one', async () => {
		await database.db.execute(sql`DELETE FROM audit_log WHERE seq = 8`);
		expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, brokenAt: 9, reason: 'gap' });
	});
});
