/** The reference layers every device pulls: municipalities, venues and child sites. */
import { inArray } from 'drizzle-orm';
import type { Random } from './random.ts';
import { municipalities as municipalityData } from '../../domain/municipalities.ts';
import type { Tx } from '../db/index.ts';
import { childSites, locations, municipalities } from '../db/schema.ts';
import { announce } from '../records/syncedWrite.ts';
import { insertRows } from './insert.ts';
import { generateChildSites, generateVenues, type ChildSite, type SeedMunicipality, type Venue } from './places.ts';

export type Reference = {
	municipalities: SeedMunicipality[];
	venues: Venue[];
	childSites: ChildSite[];
	municipalitiesCreated: number;
};

/** Municipalities already in the database (by code) are reused, so seeding is safe next to them. */
async function seedMunicipalities(tx: Tx, random: Random): Promise<{ all: SeedMunicipality[]; created: number }> {
	const existing = await tx
		.select({ id: municipalities.id, code: municipalities.code })
		.from(municipalities)
		.where(
			inArray(
				municipalities.code,
				municipalityData.map((m) => m.code)
			)
		);
	const existingIds = new Map(existing.map((m) => [m.code, m.id]));
	const all = municipalityData.map((m) => ({ ...m, id: existingIds.get(m.code) ?? random.uuid() }));
	const missing = all.filter((m) => !existingIds.has(m.code));
	await insertRows(
		tx,
		municipalities,
		missing.map(({ id, code, nameSq, nameSr, nameEn, lat, lng }) => ({ id, code, nameSq, nameSr, nameEn, lat, lng }))
	);
	await announce(
		tx,
		missing.map((m) => ({ entity: 'municipality', recordId: m.id, op: 'upsert', version: 1 }))
	);
	return { all, created: missing.length };
}

/** `fieldInspectorIds`: who is recorded as having added the unverified venues in the field. */
export async function seedReference(tx: Tx, random: Random, fieldInspectorIds: readonly string[]): Promise<Reference> {
	const seeded = await seedMunicipalities(tx, random.fork('municipalities'));
	const sites = generateChildSites(random.fork('child-sites'), seeded.all);
	const venues = generateVenues(random.fork('venues'), seeded.all, sites);
	const pickInspector = random.fork('venue-authors');

	await insertRows(
		tx,
		childSites,
		sites.map((site) => ({
			id: site.id,
			name: site.name,
			kind: site.kind,
			address: site.address,
			municipalityId: site.municipality.id,
			lat: site.lat,
			lng: site.lng
		}))
	);
	await insertRows(
		tx,
		locations,
		venues.map((venue) => ({
			id: venue.id,
			name: venue.name,
			kind: venue.kind,
			address: venue.address,
			municipalityId: venue.municipality.id,
			lat: venue.lat,
			lng: venue.lng,
			businessRegNo: venue.businessRegNo,
			status: venue.status,
			statusReason: venue.statusReason,
			riskNotes: venue.riskNotes,
			createdBy: venue.status === 'unverified' ? pickInspector.pick(fieldInspectorIds) : null
		}))
	);
	await announce(tx, [
		...sites.map((site) => ({ entity: 'childSite' as const, recordId: site.id, op: 'upsert' as const, version: 1 })),
		...venues.map((venue) => ({ entity: 'location' as const, recordId: venue.id, op: 'upsert' as const, version: 1 }))
	]);
	return { municipalities: seeded.all, venues, childSites: sites, municipalitiesCreated: seeded.created };
}
