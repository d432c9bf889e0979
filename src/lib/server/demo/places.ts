/**
 * Where the demo's venues and child sites are: around each municipality's seat, in proportion to
 * its population, with a share of venues deliberately close to schools and playgrounds so that the
 * 350 m rule has something to flag.
 */
import type { Random } from './random.ts';
import { kosovoBounds, serbianMajorityCodes, type Municipality } from '../../domain/municipalities.ts';
import { isInBounds } from '../../domain/geo/bounds.ts';
import type { ChildSiteKind, LocationKind, LocationStatus } from '../../domain/records/codes.ts';
import { apartmentAddress, childSiteName, streetAddress, venueName, type Script } from './names.ts';

export type { LocationKind, LocationStatus };

export type SeedMunicipality = Municipality & { id: string };

export type Venue = {
	id: string;
	name: string;
	kind: LocationKind;
	address: string;
	municipality: SeedMunicipality;
	lat: number;
	lng: number;
	businessRegNo: string | null;
	status: LocationStatus;
	statusReason: string | null;
	riskNotes: string;
};

export type ChildSite = {
	id: string;
	name: string;
	kind: ChildSiteKind;
	address: string;
	municipality: SeedMunicipality;
	lat: number;
	lng: number;
};

export const VENUE_COUNT = 600;
export const CHILD_SITE_COUNT = 150;
/** Share of venues placed on purpose within the 350 m radius; others land there by chance. */
const NEAR_CHILD_SITE_SHARE = 0.12;

const venueKinds: readonly (readonly [LocationKind, number])[] = [
	['bar', 24],
	['restaurant_cafe', 24],
	['hotel_motel', 11],
	['night_club', 8],
	['massage_parlour', 8],
	['private_apartment', 11],
	['other', 14]
];

const childSiteKindWeights: readonly (readonly [ChildSiteKind, number])[] = [
	['school', 50],
	['kindergarten', 20],
	['playground', 22],
	['other', 8]
];

const riskNotes = [
	'NGO hotline report: young women seen arriving late at night in a car without plates.',
	'Neighbours report frequent male visitors at night.',
	'Previous inspection: staff could not show contracts; foreign workers present.',
	'Advertised online as offering "private massage" around the clock.',
	'Police intelligence: possible link to an organised prostitution network.',
	'Workers reportedly sleep on the premises.',
	'Minor seen serving guests during a previous visit.'
];

/** Splits `total` over `weights` (largest remainder), giving each at least `minimum`. */
export function apportion(total: number, weights: readonly number[], minimum: number): number[] {
	const spare = total - minimum * weights.length;
	const sum = weights.reduce((a, b) => a + b, 0);
	const exact = weights.map((w) => (w / sum) * spare);
	const counts = exact.map((x) => minimum + Math.floor(x));
	let left = total - counts.reduce((a, b) => a + b, 0);
	const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
	for (const [, i] of byRemainder) {
		if (left-- <= 0) break;
		counts[i] = (counts[i] as number) + 1;
	}
	return counts;
}

/** Spread of a town's venues around its seat, in metres: larger towns sprawl further. */
function townRadius(municipality: Municipality): number {
	return 300 + 4 * Math.sqrt(municipality.population);
}

function offset(lat: number, lng: number, northMetres: number, eastMetres: number): { lat: number; lng: number } {
	return {
		lat: lat + northMetres / 111_320,
		lng: lng + eastMetres / (111_320 * Math.cos((lat * Math.PI) / 180))
	};
}

function scatter(random: Random, lat: number, lng: number, spreadMetres: number): { lat: number; lng: number } {
	for (;;) {
		const point = offset(lat, lng, random.gaussian(0, spreadMetres), random.gaussian(0, spreadMetres));
		if (isInBounds(point.lat, point.lng, kosovoBounds)) return point;
	}
}

function within(random: Random, lat: number, lng: number, minMetres: number, maxMetres: number) {
	const distance = minMetres + random.next() * (maxMetres - minMetres);
	const bearing = random.next() * 2 * Math.PI;
	return offset(lat, lng, distance * Math.cos(bearing), distance * Math.sin(bearing));
}

const scriptOf = (m: Municipality): Script => (serbianMajorityCodes.has(m.code) ? 'sr' : 'sq');
const townOf = (m: Municipality): string => (scriptOf(m) === 'sr' ? m.nameSr : m.nameSq);

export function generateChildSites(random: Random, municipalities: readonly SeedMunicipality[]): ChildSite[] {
	const counts = apportion(
		CHILD_SITE_COUNT,
		municipalities.map((m) => m.population),
		1
	);
	return municipalities.flatMap((municipality, i) =>
		Array.from({ length: counts[i] as number }, () => {
			const kind = random.weighted(childSiteKindWeights);
			const point = scatter(random, municipality.lat, municipality.lng, townRadius(municipality) * 0.8);
			return {
				id: random.uuid(),
				name: childSiteName(random, kind, scriptOf(municipality), townOf(municipality)),
				kind,
				address: streetAddress(random, townOf(municipality), scriptOf(municipality)),
				municipality,
				...point
			};
		})
	);
}

function venueStatus(random: Random): { status: LocationStatus; statusReason: string | null } {
	const status = random.weighted<LocationStatus>([
		['active', 88],
		['closed_by_authority', 5],
		['gone', 3],
		['unverified', 4]
	]);
	const statusReason =
		status === 'closed_by_authority'
			? random.pick(['Closed by court order after a joint inspection.', 'Licence revoked by the municipality.'])
			: status === 'gone'
				? random.pick(['Business no longer operating.', 'Premises empty, for rent.'])
				: null;
	return { status, statusReason };
}

export function generateVenues(
	random: Random,
	municipalities: readonly SeedMunicipality[],
	childSites: readonly ChildSite[]
): Venue[] {
	const counts = apportion(
		VENUE_COUNT,
		municipalities.map((m) => m.population),
		4
	);
	return municipalities.flatMap((municipality, i) => {
		const nearbyChildSites = childSites.filter((site) => site.municipality === municipality);
		const script = scriptOf(municipality);
		const town = townOf(municipality);
		return Array.from({ length: counts[i] as number }, (): Venue => {
			const kind = random.weighted(venueKinds);
			// Motels sit on the main roads out of town rather than in the centre.
			const spread = townRadius(municipality) * (kind === 'hotel_motel' ? 2 : 1);
			const point =
				nearbyChildSites.length > 0 && random.chance(NEAR_CHILD_SITE_SHARE)
					? ((site) => within(random, site.lat, site.lng, 40, 330))(random.pick(nearbyChildSites))
					: scatter(random, municipality.lat, municipality.lng, spread);
			const apartment = kind === 'private_apartment';
			return {
				id: random.uuid(),
				name: venueName(random, kind, script),
				kind,
				address: apartment ? apartmentAddress(random, town, script) : streetAddress(random, town, script),
				municipality,
				...point,
				businessRegNo: apartment ? null : String(810_000_000 + random.int(0, 9_999_999)),
				...venueStatus(random),
				riskNotes: random.chance(0.1) ? random.pick(riskNotes) : ''
			};
		});
	});
}
