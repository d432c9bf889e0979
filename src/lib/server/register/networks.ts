/**
 * Venue networks and possible reopenings over the register (domain/register/venueNetworks.ts holds
 * the rules). The register is read once per question: its link columns only, grouped in memory by
 * normalised key, so the cost grows with the number of venues, not with their pairs. When a venue
 * changed status comes from its versions in `record_versions`, which every register change keeps
 * (register/venues.ts).
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { locations, recordVersions } from '../db/schema.ts';
import type { LocationStatus } from '../../domain/records/codes.ts';
import {
	closedSince,
	openSince,
	linkIndex,
	linksOf,
	reopeningCandidates,
	type LinkableVenue,
	type LinkIndex,
	type VenueVersion
} from '../../domain/register/venueNetworks.ts';
import type { NetworkMember, PossibleReopening } from '../../domain/views/register.ts';

type RegisterVenue = LinkableVenue & { name: string; version: number; createdAt: Date; updatedAt: Date };

async function registerVenues(db: Db): Promise<RegisterVenue[]> {
	return db
		.select({
			id: locations.id,
			name: locations.name,
			status: locations.status,
			address: locations.address,
			municipalityId: locations.municipalityId,
			businessRegNo: locations.businessRegNo,
			phone: locations.phone,
			ownerName: locations.ownerName,
			managerName: locations.managerName,
			version: locations.version,
			createdAt: locations.createdAt,
			updatedAt: locations.updatedAt
		})
		.from(locations)
		.where(isNull(locations.deletedAt));
}

/**
 * Each venue's known versions, oldest first: those kept in `record_versions` and the current row.
 * A venue never changed since versions were kept has only its row.
 */
export async function versionsOf(
	db: Db,
	venues: { id: string; version: number; status: LocationStatus; name: string; updatedAt: Date }[]
): Promise<Map<string, VenueVersion[]>> {
	const byVenue = new Map<string, VenueVersion[]>(venues.map((venue) => [venue.id, []]));
	if (venues.length === 0) return byVenue;
	const rows = await db
		.select({
			recordId: recordVersions.recordId,
			version: recordVersions.version,
			data: recordVersions.data,
			storedAt: recordVersions.at
		})
		.from(recordVersions)
		.where(
			and(
				eq(recordVersions.entity, 'location'),
				inArray(
					recordVersions.recordId,
					venues.map((venue) => venue.id)
				)
			)
		)
		.orderBy(asc(recordVersions.recordId), asc(recordVersions.version));
	for (const row of rows) {
		const { status, name, updatedAt } = row.data as { status: LocationStatus; name: string; updatedAt?: string };
		// A version's own time is when it was written; a base a device sent without it, when it was stored.
		const written = updatedAt ? new Date(updatedAt) : null;
		const at = written && !Number.isNaN(written.getTime()) ? written : row.storedAt;
		byVenue.get(row.recordId)?.push({ version: row.version, at, status, name });
	}
	for (const venue of venues) {
		const versions = byVenue.get(venue.id)!;
		if (versions.at(-1)?.version !== venue.version) {
			versions.push({ version: venue.version, at: venue.updatedAt, status: venue.status, name: venue.name });
		}
	}
	return byVenue;
}

function reopeningsAmong(venues: RegisterVenue[]) {
	return async (db: Db): Promise<PossibleReopening[]> => {
		const candidates = reopeningCandidates(venues);
		if (candidates.length === 0) return [];
		const byId = new Map(venues.map((venue) => [venue.id, venue]));
		const involved = new Set(candidates.flatMap((candidate) => [candidate.venueId, candidate.closedVenueId]));
		const versions = await versionsOf(
			db,
			[...involved].map((id) => byId.get(id)!)
		);
		const found: PossibleReopening[] = [];
		for (const candidate of candidates) {
			const venue = byId.get(candidate.venueId)!;
			const closed = byId.get(candidate.closedVenueId)!;
			const closedAt = closedSince(versions.get(closed.id)!);
			const openedAt = openSince(versions.get(venue.id)!, venue.createdAt);
			if (!closedAt || !openedAt || openedAt <= closedAt) continue;
			found.push({
				venueId: venue.id,
				venueName: venue.name,
				venueStatus: venue.status,
				openedAt: openedAt.toISOString(),
				closedVenueId: closed.id,
				closedVenueName: closed.name,
				closedAt: closedAt.toISOString(),
				links: candidate.links
			});
		}
		return found.sort((a, b) => b.openedAt.localeCompare(a.openedAt));
	};
}

/**
 * The register as last read per database, with the state it was read in and what was computed from
 * it. The reopenings list is asked on every planner's map and planning page, and a venue card
 * needs the whole register's networks, while the register rarely changes: a register write moves
 * `updated_at` (a tombstone too) and a closure's date comes with that same write, so one aggregate
 * row tells whether the answers still hold. Each server process keeps its own copy and checks that
 * row every time, so servers sharing one database never answer from a stale register.
 */
type Snapshot = {
	state: string;
	venues: RegisterVenue[];
	reopenings?: PossibleReopening[];
	index?: LinkIndex;
	byId?: Map<string, RegisterVenue>;
};
const snapshots = new WeakMap<Db, Snapshot>();

async function registerState(db: Db): Promise<string> {
	const [row] = await db
		.select({
			count: sql<number>`count(*)::int`,
			latest: sql<string>`max(${locations.updatedAt})::text`,
			versions: sql<string>`sum(${locations.version})::text`
		})
		.from(locations);
	return `${row?.count}|${row?.latest}|${row?.versions}`;
}

async function snapshotOf(db: Db): Promise<Snapshot> {
	const state = await registerState(db);
	const known = snapshots.get(db);
	if (known?.state === state) return known;
	const fresh: Snapshot = { state, venues: await registerVenues(db) };
	snapshots.set(db, fresh);
	return fresh;
}

/** Open venues that appeared after a linked venue was closed by the authorities, newest first. */
export async function possibleReopenings(db: Db): Promise<PossibleReopening[]> {
	const snapshot = await snapshotOf(db);
	snapshot.reopenings ??= await reopeningsAmong(snapshot.venues)(db);
	return snapshot.reopenings;
}

/** A venue's network (the other venues linked to it, directly or through others) and its reopening flags. */
export async function venueNetwork(
	db: Db,
	id: string
): Promise<{ members: NetworkMember[]; reopenings: PossibleReopening[] }> {
	const snapshot = await snapshotOf(db);
	const index = (snapshot.index ??= linkIndex(snapshot.venues));
	const byId = (snapshot.byId ??= new Map(snapshot.venues.map((venue) => [venue.id, venue])));
	const self = byId.get(id);
	if (!self) return { members: [], reopenings: [] };
	const { network, direct } = linksOf(index, id);
	const members = [...network]
		.map(([member, links]) => {
			const venue = byId.get(member)!;
			return { id: venue.id, name: venue.name, status: venue.status, links };
		})
		.sort((a, b) => b.links.length - a.links.length || a.name.localeCompare(b.name));
	// Only the pairs this venue is part of: the closed venue and its linked venues are few.
	const own = [self, ...[...direct.keys()].map((other) => byId.get(other)!)];
	const reopenings = (await reopeningsAmong(own)(db)).filter(
		(flag) => flag.venueId === id || flag.closedVenueId === id
	);
	return { members, reopenings };
}
