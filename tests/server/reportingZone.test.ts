/**
 * REPORTING_TIME_ZONE decides the calendar the coverage figures count on. An inspection at 23:30
 * UTC is already the next day in Belgrade (coverage.test.ts, I5); with the zone set to UTC it
 * counts on its UTC day, from the rollups made before the setting changed and from those the
 * triggers note afterwards (they note Belgrade days: rollup.ts rebuilds the days either side).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp } from '../support/app.ts';
import { addUser } from '../support/fixtures.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
// Imported before the test sets the zone: this copy counts on the default calendar (Belgrade).
import { refreshCoverageRollups } from '../../src/lib/server/coverage/rollup.ts';
import * as s from '../../src/lib/server/db/schema.ts';

let database: Database;
let app: TestApp;
const municipalityId = randomUUID();
const venueId = randomUUID();
let authorId = '';

const inspectionAt = (startedAt: string) => ({
	id: randomUUID(),
	locationId: venueId,
	createdBy: authorId,
	unplannedReason: 'seen on patrol',
	templateId: randomUUID(),
	templateVersion: 1,
	startedAt: new Date(startedAt),
	outcome: 'no_findings' as const,
	status: 'submitted' as const
});

beforeAll(async () => {
	database = await openTestDatabase();
	authorId = (await addUser(database, 'pol1', 'inspector')).id;
	await addUser(database, 'sup1', 'supervisor');
	await database.db.insert(s.municipalities).values({
		id: municipalityId,
		code: 'prishtine',
		nameSq: 'Prishtinë',
		nameSr: 'Priština',
		nameEn: 'Pristina',
		lat: 42.663,
		lng: 21.166
	});
	await database.db
		.insert(s.locations)
		.values({ id: venueId, name: 'Bar', kind: 'bar', municipalityId, status: 'active', lat: 42.5, lng: 21 });
	await database.db.insert(s.inspections).values(inspectionAt('2026-01-31T23:30:00Z'));
	// The rollups as a server on the default zone left them: the inspection on 1 February.
	await refreshCoverageRollups(database.db);
	process.env.REPORTING_TIME_ZONE = 'UTC';
	app = await startApp(database);
});
afterAll(async () => {
	delete process.env.REPORTING_TIME_ZONE;
	await database?.close();
});

async function inspectionsOn(day: string, more = ''): Promise<number> {
	const response = await (await app.signedIn('sup1')).get(`/api/coverage?from=${day}&to=${day}${more}`);
	expect(response.status).toBe(200);
	return ((await response.json()) as { totals: { inspections: number } }).totals.inspections;
}

describe(`coverage days with REPORTING_TIME_ZONE=UTC, on ${testEngine}`, () => {
	it('counts 23:30 UTC on its UTC day, recounting the rollups made on the Belgrade calendar', async () => {
		expect(await inspectionsOn('2026-01-31')).toBe(1);
		expect(await inspectionsOn('2026-02-01')).toBe(0);
		// Counted from the inspections themselves (the agency filter bypasses the rollups): the same days.
		expect(await inspectionsOn('2026-01-31', '&agency=police')).toBe(1);
		expect(await inspectionsOn('2026-02-01', '&agency=police')).toBe(0);
	});

	it('counts an inspection stored after the start on its UTC day too', async () => {
		await database.db.insert(s.inspections).values(inspectionAt('2026-03-31T23:30:00Z'));
		expect(await inspectionsOn('2026-03-31')).toBe(1);
		expect(await inspectionsOn('2026-04-01')).toBe(0);
	});

	it('hands the zone to the pages, which show moments and reflection periods on that calendar', async () => {
		const response = await (await app.signedIn('sup1')).get('/coverage/__data.json');
		expect(response.status).toBe(200);
		const text = await response.text();
		expect(text).toContain('"reportingTimeZone"');
		expect(text).toContain('"UTC"');
		expect(text).not.toContain('Europe/Belgrade');
	});
});
