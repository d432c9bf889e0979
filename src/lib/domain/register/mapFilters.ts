/**
 * The map's filters, kept in the URL so a view can be shared: kind, municipality,
 * status, when last inspected, near children, and a text search. The same rules filter the map in
 * the browser and the register export on the server, so an export holds what the map showed.
 */
import { z } from 'zod';
import { locationKinds, locationStatuses } from '../records/codes.ts';

/** A venue not inspected for this long is overdue (the coverage figures use the same default). */
export const OVERDUE_AFTER_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export const inspectionAges = ['never', 'over90', 'within90'] as const;
export type InspectionAge = (typeof inspectionAges)[number];

export const colourModes = ['status', 'inspection'] as const;
export type ColourMode = (typeof colourModes)[number];

export type MapFilters = {
	kind: (typeof locationKinds)[number] | null;
	municipalityId: string | null;
	status: (typeof locationStatuses)[number] | null;
	inspected: InspectionAge | null;
	nearChildren: boolean;
	search: string;
	colour: ColourMode;
};

export const noFilters: MapFilters = {
	kind: null,
	municipalityId: null,
	status: null,
	inspected: null,
	nearChildren: false,
	search: '',
	colour: 'status'
};

// Query parameter names: short, since they are what people paste into messages.
const param = {
	kind: 'kind',
	municipalityId: 'municipality',
	status: 'status',
	inspected: 'inspected',
	nearChildren: 'near',
	search: 'q',
	colour: 'colour'
} as const satisfies Record<keyof MapFilters, string>;

const pick = <T extends z.ZodType>(schema: T, value: string | null): z.infer<T> | null => {
	const parsed = schema.safeParse(value);
	return parsed.success ? parsed.data : null;
};

/**
 * Lenient on purpose: a shared link with a stale or mistyped value still opens the map, with that
 * one filter dropped, rather than an error page.
 */
export function readMapFilters(params: URLSearchParams): MapFilters {
	return {
		kind: pick(z.enum(locationKinds), params.get(param.kind)),
		municipalityId: pick(z.uuid(), params.get(param.municipalityId)),
		status: pick(z.enum(locationStatuses), params.get(param.status)),
		inspected: pick(z.enum(inspectionAges), params.get(param.inspected)),
		nearChildren: params.get(param.nearChildren) === '1',
		search: (params.get(param.search) ?? '').trim().slice(0, 200),
		colour: pick(z.enum(colourModes), params.get(param.colour)) ?? 'status'
	};
}

/** Only what differs from no filter, so an unfiltered map has a clean URL. */
export function writeMapFilters(filters: MapFilters, params = new URLSearchParams()): URLSearchParams {
	for (const key of Object.keys(param) as (keyof MapFilters)[]) params.delete(param[key]);
	if (filters.kind) params.set(param.kind, filters.kind);
	if (filters.municipalityId) params.set(param.municipalityId, filters.municipalityId);
	if (filters.status) params.set(param.status, filters.status);
	if (filters.inspected) params.set(param.inspected, filters.inspected);
	if (filters.nearChildren) params.set(param.nearChildren, '1');
	if (filters.search.trim()) params.set(param.search, filters.search.trim());
	if (filters.colour !== 'status') params.set(param.colour, filters.colour);
	return params;
}

export function inspectionAge(
	lastInspectedAt: string | null,
	now: Date,
	overdueDays = OVERDUE_AFTER_DAYS
): InspectionAge {
	if (!lastInspectedAt) return 'never';
	return now.getTime() - Date.parse(lastInspectedAt) > overdueDays * DAY_MS ? 'over90' : 'within90';
}

export type FilterableVenue = {
	name: string;
	address: string;
	kind: string;
	status: string;
	municipalityId: string;
	lastInspectedAt: string | null;
	nearChildren: unknown | null;
};

/** Case- and accent-insensitive, so "kafe" finds "Kafe Ëndrra" and "Kafé". */
export function searchKey(text: string): string {
	return text.toLocaleLowerCase('en').replaceAll('đ', 'd').normalize('NFD').replace(/\p{M}/gu, '');
}

export function matchesMapFilters(venue: FilterableVenue, filters: MapFilters, now: Date): boolean {
	if (filters.kind && venue.kind !== filters.kind) return false;
	if (filters.municipalityId && venue.municipalityId !== filters.municipalityId) return false;
	if (filters.status && venue.status !== filters.status) return false;
	if (filters.inspected && inspectionAge(venue.lastInspectedAt, now) !== filters.inspected) return false;
	if (filters.nearChildren && !venue.nearChildren) return false;
	if (filters.search) {
		const needle = searchKey(filters.search.trim());
		if (needle && !searchKey(`${venue.name} ${venue.address}`).includes(needle)) return false;
	}
	return true;
}
