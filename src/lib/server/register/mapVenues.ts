/**
 * Reads what the register's map draws (domain/views/map.ts). Tombstoned rows are left out; all
 * statuses are kept, because a closed or vanished venue is still worth seeing when planning.
 *
 * "Near children" is computed here, on every read, from the current venues and child sites rather
 * than stored: the grid index takes ~30 ms for 20,000 venues × 2,000 sites (bench/RESULTS.md), and
 * a flag computed on read can never go stale when either layer changes — a moved venue, an imported
 * school, a changed radius — with no invalidation to get wrong.
 */
import { and, asc, eq, isNull, max } from 'drizzle-orm';
import { db } from '../db/index.ts';
import type { Db } from '../db/index.ts';
import { childSites, inspections, locations, municipalities } from '../db/schema.ts';
import { nearChildren } from '../../domain/geo/proximity.ts';
import type { Text } from '../../domain/text.ts';
import type { MapData, MapMunicipality, MapVenue } from '../../domain/views/map.ts';
import { childRadiusMetres } from './settings.ts';

const UNKNOWN_MUNICIPALITY: Text = { en: '', sq: '', sr: '' };

export async function listMunicipalities(database?: Db): Promise<MapMunicipality[]> {
	const connection = database ?? (await db());
	return connection
		.select({
			id: municipalities.id,
			code: municipalities.code,
			en: municipalities.nameEn,
			sq: municipalities.nameSq,
			sr: municipalities.nameSr
		})
		.from(municipalities)
		.orderBy(asc(municipalities.nameEn));
}

export async function mapData(database?: Db): Promise<MapData> {
	const connection = database ?? (await db());
	const [municipalityRows, venueRows, childSiteRows, lastInspections] = await Promise.all([
		listMunicipalities(connection),
		connection
			.select({
				id: locations.id,
				name: locations.name,
				kind: locations.kind,
				status: locations.status,
				lat: locations.lat,
				lng: locations.lng,
				address: locations.address,
				municipalityId: locations.municipalityId
			})
			.from(locations)
			.where(isNull(locations.deletedAt))
			.orderBy(asc(locations.name)),
		connection
			.select({
				id: childSites.id,
				name: childSites.name,
				kind: childSites.kind,
				lat: childSites.lat,
				lng: childSites.lng,
				address: childSites.address,
				municipalityId: childSites.municipalityId
			})
			.from(childSites)
			.where(isNull(childSites.deletedAt)),
		connection
			.select({ locationId: inspections.locationId, at: max(inspections.startedAt) })
			.from(inspections)
			.where(and(isNull(inspections.deletedAt), eq(inspections.status, 'submitted')))
			.groupBy(inspections.locationId)
	]);

	// One names object per municipality, shared by its venues: the page data serialiser writes a
	// repeated object once, so thousands of venues do not repeat the same three names each.
	const names = new Map<string, Text>(municipalityRows.map(({ id, en, sq, sr }) => [id, { en, sq, sr }]));
	const lastInspected = new Map(
		lastInspections.map(({ locationId, at }) => [locationId, at ? new Date(at).toISOString() : null])
	);
	const radiusMetres = childRadiusMetres();
	const near = nearChildren(venueRows, childSiteRows, radiusMetres);
	const venues: MapVenue[] = venueRows.map((venue) => {
		const flag = near.get(venue.id);
		return {
			...venue,
			municipality: names.get(venue.municipalityId) ?? UNKNOWN_MUNICIPALITY,
			lastInspectedAt: lastInspected.get(venue.id) ?? null,
			nearChildren: flag
				? {
						siteId: flag.nearestSiteId,
						siteName: flag.nearestSiteName,
						distanceMetres: Math.round(flag.distanceMetres)
					}
				: null
		};
	});
	return {
		venues,
		childSites: childSiteRows,
		municipalities: municipalityRows,
		radiusMetres
	};
}
