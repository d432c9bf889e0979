/**
 * The child-site rule for an inspection, judged by the server from its own register: the venue's
 * position and the child sites around it, within the configured radius (register/settings.ts).
 */
import { and, between, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { childSites, locations } from '../db/schema.ts';
import { childSiteFlag, type ChildSiteFlag } from '../../domain/geo/proximity.ts';
import { metresPerDegree } from '../../domain/geo/distance.ts';
import { childRadiusMetres } from '../register/settings.ts';

/** Null when no child site lies within the radius, or the venue is unknown. */
export async function childSiteFlagFor(db: Db, locationId: string): Promise<ChildSiteFlag | null> {
	const [venue] = await db
		.select({ lat: locations.lat, lng: locations.lng })
		.from(locations)
		.where(eq(locations.id, locationId));
	if (!venue) return null;
	const radiusMetres = childRadiusMetres();
	// Only the sites in a box around the venue are measured; a hair wider than the radius.
	const perDegree = metresPerDegree(venue.lat);
	const latSpan = (radiusMetres / perDegree.lat) * 1.01;
	const lngSpan = (radiusMetres / Math.max(perDegree.lng, 1)) * 1.01;
	const sites = await db
		.select({
			id: childSites.id,
			name: childSites.name,
			kind: childSites.kind,
			lat: childSites.lat,
			lng: childSites.lng
		})
		.from(childSites)
		.where(
			and(
				isNull(childSites.deletedAt),
				between(childSites.lat, venue.lat - latSpan, venue.lat + latSpan),
				between(childSites.lng, venue.lng - lngSpan, venue.lng + lngSpan)
			)
		)
		.orderBy(childSites.id);
	return childSiteFlag(venue, sites, radiusMetres);
}
