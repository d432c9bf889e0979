/**
 * Which map areas a team's phone keeps offline: one per operation whose target list is on the
 * device — the box of its assigned venues, grown by a margin that gives the streets around them
 * and keeps the box from pointing at one building — down to street zoom. The area lives exactly as
 * long as the target list: when the server withdraws or expires it (server/planning/embargo.ts),
 * the assignments leave the device and the area goes with them.
 */
import type { LngLatBox } from './tiles.ts';
import { withMargin } from './tiles.ts';

/** Streets and their names around the targets. */
export const TEAM_AREA_MAX_ZOOM = 16;
/** Enough to find the way in and out, and to blur which building the box was drawn around. */
export const TEAM_AREA_MARGIN_METRES = 1500;
/** The whole country: towns and main streets; closer views over-zoom. */
export const COUNTRY_MAX_ZOOM = 15;

/** `date`: the operation's day, which tells the phone's areas apart on the screen. */
export type TeamTarget = { operationId: string; date?: string; points: readonly { lat: number; lng: number }[] };
export type TeamAreaRequest = { id: string; operationId: string; date?: string; box: LngLatBox; maxZoom: number };

export const teamAreaId = (operationId: string) => `team:${operationId}`;

export function teamAreaRequests(targets: readonly TeamTarget[]): TeamAreaRequest[] {
	return targets
		.filter((target) => target.points.length > 0)
		.map((target) => {
			const lats = target.points.map((point) => point.lat);
			const lngs = target.points.map((point) => point.lng);
			const box = {
				minLat: Math.min(...lats),
				maxLat: Math.max(...lats),
				minLng: Math.min(...lngs),
				maxLng: Math.max(...lngs)
			};
			return {
				id: teamAreaId(target.operationId),
				operationId: target.operationId,
				date: target.date,
				box: withMargin(box, TEAM_AREA_MARGIN_METRES),
				maxZoom: TEAM_AREA_MAX_ZOOM
			};
		});
}

/** Whether a stored box still covers a wanted one (a venue added to the list may widen it). */
export function covers(stored: LngLatBox, wanted: LngLatBox): boolean {
	return (
		stored.minLat <= wanted.minLat + 1e-9 &&
		stored.minLng <= wanted.minLng + 1e-9 &&
		stored.maxLat >= wanted.maxLat - 1e-9 &&
		stored.maxLng >= wanted.maxLng - 1e-9
	);
}

type StoredArea = { id: string; kind: string; etag: string; box: LngLatBox };

/**
 * What the phone does with its team areas after a sync: removes those whose operation left the
 * device (any archive version), and fetches those it lacks for the current archive or that a new
 * venue on the list widened. Areas of other kinds (the country, a chosen area) are the user's.
 */
export function teamAreaChanges(
	stored: readonly StoredArea[],
	wanted: readonly TeamAreaRequest[],
	etag: string
): { remove: { id: string; etag: string }[]; fetch: TeamAreaRequest[] } {
	const wantedIds = new Set(wanted.map((request) => request.id));
	const remove = stored
		.filter((area) => area.kind === 'team' && !wantedIds.has(area.id))
		.map(({ id, etag: version }) => ({ id, etag: version }));
	const fetch = wanted.filter((request) => {
		const current = stored.find((area) => area.id === request.id && area.etag === etag);
		return !current || !covers(current.box, request.box);
	});
	return { remove, fetch };
}

type ConnectionHints = { saveData?: boolean; type?: string; effectiveType?: string } | undefined;

/**
 * Whether the phone may download on its own now: not when the browser says the connection is
 * metered or slow, or the user asked to save data. When the browser says nothing, it may.
 */
export function mayDownloadUnasked(connection: ConnectionHints): boolean {
	if (!connection) return true;
	if (connection.saveData) return false;
	if (connection.type === 'cellular') return false;
	return connection.effectiveType !== 'slow-2g' && connection.effectiveType !== '2g';
}
