/**
 * The briefing's map of the area: a team's venues numbered in visit order, joined by the route,
 * with no controls — it is printed. Leaflet's canvas and tiles print as they are on screen.
 *
 * Nothing on it is interactive, and its drawing is hidden from assistive technology: the route
 * list beside it names every numbered stop. Only the attribution's links stay reachable.
 */
import type { Bounds } from '$lib/domain/geo/bounds.ts';
import { builtInSeats, createBaseMap } from './baseMap.ts';
import { stopBadge } from './labels.ts';

export type BriefingStop = { lat: number; lng: number; order: number; name: string };

export async function createBriefingMap(
	element: HTMLElement,
	options: { tileUrl: string; bounds: Bounds; stops: readonly BriefingStop[] }
): Promise<{ destroy(): void }> {
	const { stops } = options;
	const { L, map, basemap, showOpeningView } = await createBaseMap(element, {
		tileUrl: options.tileUrl,
		bounds: options.bounds,
		seats: builtInSeats,
		interactive: false,
		focus: { points: stops, padding: 30 }
	});
	if (stops.length > 1)
		L.polyline(
			stops.map((s) => [s.lat, s.lng] as [number, number]),
			{ color: '#0b3d5c', weight: 3, interactive: false }
		).addTo(map);
	for (const stop of stops) {
		L.marker([stop.lat, stop.lng], {
			keyboard: false,
			interactive: false,
			icon: L.divIcon({
				className: 'route-number',
				html: stopBadge(stop.order),
				iconSize: [24, 24],
				iconAnchor: [12, 12]
			})
		}).addTo(map);
	}
	const fit = () => {
		map.invalidateSize();
		showOpeningView();
	};
	// Town names and stop numbers out of context; the route list says the same in order.
	map.getPane('mapPane')?.setAttribute('aria-hidden', 'true');
	fit();
	// The printed page is narrower than the screen: refit so the route is not cut off or off-centre.
	const print = window.matchMedia('print');
	print.addEventListener('change', fit);
	window.addEventListener('beforeprint', fit);
	await basemap;
	return {
		destroy() {
			print.removeEventListener('change', fit);
			window.removeEventListener('beforeprint', fit);
			map.remove();
		}
	};
}
