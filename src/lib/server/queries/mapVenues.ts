/**
 * What the map draws: every venue on the register and every place used by children, with their
 * municipality's names. Tombstoned rows are left out; all statuses are kept, because a closed or
 * vanished venue is still worth seeing when planning.
 */
import { asc, isNull } from 'drizzle-orm';
import { db } from '../db/index.ts';
import { childSites, locations, municipalities } from '../db/schema.ts';

export type LocalizedName = { en: string; sq: string; sr: string };

export type MapVenue = {
	id: string;
	name: string;
	kind: (typeof locations.$inferSelect)['kind'];
	status: (typeof locations.$inferSelect)['status'];
	lat: number;
	lng: number;
	address: string;
	municipality: LocalizedName;
};

export type MapChildSite = {
	id: string;
	name: string;
	kind: (typeof childSites.$inferSelect)['kind'];
	lat: number;
	lng: number;
	address: string;
};

export type MapData = { venues: MapVenue[]; childSites: MapChildSite[] };

const UNKNOWN_MUNICIPALITY: LocalizedName = { en: '', sq: '', sr: '' };

export async function mapData(): Promise<MapData> {
	const database = await db();
	const [municipalityRows, venueRows, childSiteRows] = await Promise.all([
		database
			.select({ id: municipalities.id, en: municipalities.nameEn, sq: municipalities.nameSq, sr: municipalities.nameSr })
			.from(municipalities),
		database
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
		database
			.select({
				id: childSites.id,
				name: childSites.name,
				kind: childSites.kind,
				lat: childSites.lat,
				lng: childSites.lng,
				address: childSites.address
			})
			.from(childSites)
			.where(isNull(childSites.deletedAt))
	]);

	// One names object per municipality, shared by its venues: the page data serialiser writes a
	// repeated object once, so thousands of venues do not repeat the same three names each.
	const names = new Map<string, LocalizedName>(
		municipalityRows.map(({ id, en, sq, sr }) => [id, { en, sq, sr }])
	);
	const venues = venueRows.map(({ municipalityId, ...venue }) => ({
		...venue,
		municipality: names.get(municipalityId) ?? UNKNOWN_MUNICIPALITY
	}));
	return { venues, childSites: childSiteRows };
}
