/**
 * What the register's map draws (server/register/mapVenues.ts reads it): every venue on the
 * register and every place used by children, with their municipality's names, when each venue was
 * last inspected and whether it is near children.
 */
import type { ChildSiteKind, locationKinds, locationStatuses } from '../records/codes.ts';
import type { Text } from '../text.ts';

/** The nearest place used by children within the configured radius of a venue. */
export type NearChildFlag = { siteId: string; siteName: string; distanceMetres: number };

export type MapVenue = {
	id: string;
	name: string;
	kind: (typeof locationKinds)[number];
	status: (typeof locationStatuses)[number];
	lat: number;
	lng: number;
	address: string;
	municipalityId: string;
	municipality: Text;
	/** The start of the latest submitted inspection (ISO), or null when never inspected. */
	lastInspectedAt: string | null;
	nearChildren: NearChildFlag | null;
};

export type MapChildSite = {
	id: string;
	name: string;
	kind: ChildSiteKind;
	lat: number;
	lng: number;
	address: string;
	municipalityId: string;
};

export type MapMunicipality = Text & { id: string; code: string };

export type MapData = {
	venues: MapVenue[];
	childSites: MapChildSite[];
	municipalities: MapMunicipality[];
	radiusMetres: number;
};
