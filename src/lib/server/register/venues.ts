/**
 * Planners' writes to the venue register. Each runs in one transaction that bumps the venue's
 * version, appends its change-feed row (so devices pull it) and its audit entry.
 */
import { randomUUID } from 'node:crypto';
import { and, between, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { locations, municipalities } from '../db/schema.ts';
import type { SessionUser } from '../../domain/auth.ts';
import { duplicateSearchBox, likelyDuplicates, type LikelyDuplicate } from '../../domain/register/duplicates.ts';
import type { VenueFields, VenueStatusChange } from '../../domain/register/venue.ts';
import { appendChanges } from '../sync/changeFeed.ts';
import { appendAudit } from '../audit/log.ts';
import { NotAllowedError, UserInputError } from '../errors.ts';
import { mayEditVenue, requireRegisterKeeper } from './access.ts';

export type SaveResult = { saved: true; id: string; version: number } | { saved: false; duplicates: LikelyDuplicate[] };
export type VenueRequest = VenueFields & { confirmDuplicate: boolean };

type Location = typeof locations.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The venue, locked for the rest of the transaction; a tombstoned one answers as missing. */
export async function lockVenue(tx: Db, id: string): Promise<Location> {
	if (!UUID.test(id)) throw new UserInputError('id', 'no such venue', 404);
	const [venue] = await tx.select().from(locations).where(eq(locations.id, id)).for('update');
	if (!venue || venue.deletedAt) throw new UserInputError('id', 'no such venue', 404);
	return venue;
}

async function requireMunicipality(tx: Db, municipalityId: string): Promise<void> {
	const [found] = await tx.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.id, municipalityId));
	if (!found) throw new UserInputError('municipalityId', 'no such municipality');
}

async function duplicatesOf(tx: Db, venue: { id?: string; name: string; lat: number; lng: number }): Promise<LikelyDuplicate[]> {
	const box = duplicateSearchBox(venue);
	const nearby = await tx
		.select({ id: locations.id, name: locations.name, lat: locations.lat, lng: locations.lng })
		.from(locations)
		.where(and(isNull(locations.deletedAt), between(locations.lat, box.minLat, box.maxLat), between(locations.lng, box.minLng, box.maxLng)));
	return likelyDuplicates(venue, nearby);
}

/** Bumps the version, then records the change for devices and the audit trail. */
export async function recordVenueChange(
	tx: Db,
	actor: SessionUser,
	id: string,
	set: Partial<Location>,
	action: string,
	summary: string
): Promise<number> {
	const [current] = await tx.select({ version: locations.version }).from(locations).where(eq(locations.id, id));
	const version = Number(current?.version ?? 0) + 1;
	await tx.update(locations).set({ ...set, version, updatedAt: new Date() }).where(eq(locations.id, id));
	await appendChanges(tx, [{ entity: 'location', recordId: id, op: set.deletedAt ? 'delete' : 'upsert', version }]);
	await appendAudit(tx, { userId: actor.id, action, entity: 'location', recordId: id, summary: `version=${version}${summary ? ` ${summary}` : ''}` });
	return version;
}

function columnsOf(fields: VenueFields) {
	const { name, kind, municipalityId, address, lat, lng, businessRegNo, riskNotes } = fields;
	return { name, kind, municipalityId, address, lat, lng, businessRegNo, riskNotes };
}

export async function createVenue(db: Db, actor: SessionUser, request: VenueRequest): Promise<SaveResult> {
	requireRegisterKeeper(actor);
	return db.transaction(async (txAny) => {
		const tx = txAny as unknown as Db;
		await requireMunicipality(tx, request.municipalityId);
		const duplicates = await duplicatesOf(tx, request);
		if (duplicates.length && !request.confirmDuplicate) return { saved: false, duplicates };
		const id = randomUUID();
		await tx.insert(locations).values({ id, ...columnsOf(request), status: 'active', createdBy: actor.id, version: 1 });
		await appendChanges(tx, [{ entity: 'location', recordId: id, op: 'upsert', version: 1 }]);
		const note = duplicates.length ? ` confirmedDespiteDuplicates=${duplicates.map((d) => d.id).join(',')}` : '';
		await appendAudit(tx, { userId: actor.id, action: 'location.create', entity: 'location', recordId: id, summary: `version=1${note}` });
		return { saved: true, id, version: 1 };
	});
}

export async function updateVenue(db: Db, actor: SessionUser, id: string, request: VenueRequest): Promise<SaveResult> {
	return db.transaction(async (txAny) => {
		const tx = txAny as unknown as Db;
		const venue = await lockVenue(tx, id);
		if (!mayEditVenue(actor, venue)) throw new NotAllowedError('id', 'only a planner can change a verified venue');
		await requireMunicipality(tx, request.municipalityId);
		const columns = columnsOf(request);
		const changed = (Object.keys(columns) as (keyof typeof columns)[]).filter((key) => columns[key] !== venue[key]);
		if (changed.length === 0) return { saved: true, id, version: venue.version };
		const moved = changed.includes('lat') || changed.includes('lng') || changed.includes('name');
		const duplicates = moved ? await duplicatesOf(tx, { id, ...columns }) : [];
		if (duplicates.length && !request.confirmDuplicate) return { saved: false, duplicates };
		// Field names only: the audit trail must not copy names, addresses or notes.
		const version = await recordVenueChange(tx, actor, id, columns, 'location.update', `fields=${changed.join(',')}`);
		return { saved: true, id, version };
	});
}

export async function changeVenueStatus(db: Db, actor: SessionUser, id: string, change: VenueStatusChange): Promise<{ version: number }> {
	requireRegisterKeeper(actor);
	return db.transaction(async (txAny) => {
		const tx = txAny as unknown as Db;
		const venue = await lockVenue(tx, id);
		if (venue.status === 'unverified' && change.status === 'active') {
			throw new UserInputError('status', 'verify the venue instead', 409);
		}
		const version = await recordVenueChange(
			tx,
			actor,
			id,
			{ status: change.status, statusReason: change.reason || null },
			'location.status',
			`from=${venue.status} to=${change.status}`
		);
		return { version };
	});
}

/** A planner confirms a venue an inspector proposed from the field. */
export async function verifyVenue(db: Db, actor: SessionUser, id: string): Promise<{ version: number }> {
	requireRegisterKeeper(actor);
	return db.transaction(async (txAny) => {
		const tx = txAny as unknown as Db;
		const venue = await lockVenue(tx, id);
		if (venue.status !== 'unverified') throw new UserInputError('status', 'the venue is already verified', 409);
		const version = await recordVenueChange(tx, actor, id, { status: 'active', statusReason: null }, 'location.verify', '');
		return { version };
	});
}
