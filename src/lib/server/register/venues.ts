/**
 * Planners' writes to the venue register, each one transaction through records/syncedWrite.ts (the
 * venue's new version, its change-feed row so that devices pull it, its audit entry).
 */
import { randomUUID } from 'node:crypto';
import { and, between, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.ts';
import { locations, municipalities } from '../db/schema.ts';
import type { SessionUser } from '../../domain/auth.ts';
import { duplicateSearchBox, likelyDuplicates, type LikelyDuplicate } from '../../domain/register/duplicates.ts';
import type { VenueFields, VenueStatusChange } from '../../domain/register/venue.ts';
import { insertSynced, updateSynced, type SyncedColumns } from '../records/syncedWrite.ts';
import { NotAllowedError, UserInputError } from '../errors.ts';
import { mayEditVenue, requireRegisterKeeper } from './access.ts';

export type SaveResult = { saved: true; id: string; version: number } | { saved: false; duplicates: LikelyDuplicate[] };
export type VenueRequest = VenueFields & { confirmDuplicate: boolean };

type Location = typeof locations.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The venue, locked for the rest of the transaction; a tombstoned one answers as missing. */
export async function lockVenue(tx: Tx, id: string): Promise<Location> {
	if (!UUID.test(id)) throw new UserInputError('id', 'no such venue', 404);
	const [venue] = await tx.select().from(locations).where(eq(locations.id, id)).for('update');
	if (!venue || venue.deletedAt) throw new UserInputError('id', 'no such venue', 404);
	return venue;
}

async function requireMunicipality(tx: Db, municipalityId: string): Promise<void> {
	const [found] = await tx
		.select({ id: municipalities.id })
		.from(municipalities)
		.where(eq(municipalities.id, municipalityId));
	if (!found) throw new UserInputError('municipalityId', 'no such municipality');
}

async function duplicatesOf(
	tx: Db,
	venue: { id?: string; name: string; lat: number; lng: number }
): Promise<LikelyDuplicate[]> {
	const box = duplicateSearchBox(venue);
	const nearby = await tx
		.select({ id: locations.id, name: locations.name, lat: locations.lat, lng: locations.lng })
		.from(locations)
		.where(
			and(
				isNull(locations.deletedAt),
				between(locations.lat, box.minLat, box.maxLat),
				between(locations.lng, box.minLng, box.maxLng)
			)
		);
	return likelyDuplicates(venue, nearby);
}

/**
 * A venue's change: every device pulls the register, so its feed row has no scope. Both versions
 * are kept in `record_versions`: the venue's history (when it was closed, renamed, reopened) is read
 * from them (register/networks.ts), and a device editing the venue it proposed merges against them.
 */
function changeVenue(
	tx: Tx,
	actor: SessionUser,
	venue: Location,
	set: SyncedColumns<'location'>,
	action: string,
	summary?: string
): Promise<number> {
	return updateSynced(tx, {
		entity: 'location',
		id: venue.id,
		set,
		scope: {},
		audit: { userId: actor.id, action, summary },
		replaces: venue,
		mergeBases: { userId: actor.id }
	});
}

function columnsOf(fields: VenueFields) {
	const { name, kind, municipalityId, address, lat, lng, businessRegNo, riskNotes, ownerName, managerName, phone } =
		fields;
	return { name, kind, municipalityId, address, lat, lng, businessRegNo, riskNotes, ownerName, managerName, phone };
}

export async function createVenue(db: Db, actor: SessionUser, request: VenueRequest): Promise<SaveResult> {
	requireRegisterKeeper(actor);
	return db.transaction(async (tx) => {
		await requireMunicipality(tx, request.municipalityId);
		const duplicates = await duplicatesOf(tx, request);
		if (duplicates.length && !request.confirmDuplicate) return { saved: false, duplicates };
		const id = randomUUID();
		const note = duplicates.length ? `confirmedDespiteDuplicates=${duplicates.map((d) => d.id).join(',')}` : '';
		await insertSynced(tx, {
			entity: 'location',
			values: { id, ...columnsOf(request), status: 'active', createdBy: actor.id },
			scope: {},
			audit: { userId: actor.id, action: 'location.create', summary: note }
		});
		return { saved: true, id, version: 1 };
	});
}

export async function updateVenue(db: Db, actor: SessionUser, id: string, request: VenueRequest): Promise<SaveResult> {
	return db.transaction(async (tx) => {
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
		const version = await changeVenue(tx, actor, venue, columns, 'location.update', `fields=${changed.join(',')}`);
		return { saved: true, id, version };
	});
}

export async function changeVenueStatus(
	db: Db,
	actor: SessionUser,
	id: string,
	change: VenueStatusChange
): Promise<{ version: number }> {
	requireRegisterKeeper(actor);
	return db.transaction(async (tx) => {
		const venue = await lockVenue(tx, id);
		if (venue.status === 'unverified' && change.status === 'active') {
			throw new UserInputError('status', 'verify the venue instead', 409);
		}
		const set = { status: change.status, statusReason: change.reason || null };
		const version = await changeVenue(
			tx,
			actor,
			venue,
			set,
			'location.status',
			`from=${venue.status} to=${change.status}`
		);
		return { version };
	});
}

/** A planner confirms a venue an inspector proposed from the field. */
export async function verifyVenue(db: Db, actor: SessionUser, id: string): Promise<{ version: number }> {
	requireRegisterKeeper(actor);
	return db.transaction(async (tx) => {
		const venue = await lockVenue(tx, id);
		if (venue.status !== 'unverified') throw new UserInputError('status', 'the venue is already verified', 409);
		const version = await changeVenue(tx, actor, venue, { status: 'active', statusReason: null }, 'location.verify');
		return { version };
	});
}
