/**
 * The small map of the Today screen: the day's venues as numbered dots in visit order, over the
 * tiles when they load and the embedded outline when they do not. A day has a handful of venues,
 * so plain canvas circle markers are enough here (venueMap.ts handles the thousands).
 */
import type { Bounds } from '$lib/domain/geo/bounds.ts';
import { builtInSeats, createBaseMap } from './baseMap.ts';
import { textTooltip } from './labels.ts';

export type MapVenue = { id: string; lat: number; lng: number; name: string; order: number; done: boolean };

export type AssignmentMap = { destroy(): void };

export async function createAssignmentMap(
	element: HTMLElement,
	options: { tileUrl: string; bounds: Bounds; venues: readonly MapVenue[] }
): Promise<AssignmentMap> {
	const { venues } = options;
	const { L, map, basemap } = await createBaseMap(element, {
		tileUrl: options.tileUrl,
		bounds: options.bounds,
		seats: builtInSeats,
		focus: { points: venues, padding: 40 }
	});
	// The map opens under Today's title and runs past a phone's fold, where the tab bar covers its
	// bottom corners: at the top the attribution is on screen as soon as the map is.
	map.attributionControl.setPosition('topright');
	for (const venue of venues) {
		L.circleMarker([venue.lat, venue.lng], {
			radius: 10,
			color: '#ffffff',
			weight: 2,
			fillColor: venue.done ? '#0072b2' : '#d55e00',
			fillOpacity: 1
		})
			.bindTooltip(textTooltip(`${venue.order}. ${venue.name}`), {
				permanent: true,
				direction: 'right',
				offset: [10, 0]
			})
			.addTo(map);
	}
	await basemap;
	return { destroy: () => map.remove() };
}
