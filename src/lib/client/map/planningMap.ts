/**
 * The operation planning map: the register's venues as canvas dots (pointLayer.ts), coloured by the
 * page (assigned to which team, selected, free), each team's route drawn as a numbered line, and a
 * selection mode — clicking venues, or drawing a rectangle or polygon (selection.ts).
 */
import type { LayerGroup } from 'leaflet';
import type { Bounds } from '$lib/domain/geo/bounds.ts';
import type { DrawnArea } from '$lib/domain/geo/selection.ts';
import { builtInSeats, createBaseMap } from './baseMap.ts';
import { createPointLayer } from './pointLayer.ts';
import { drawSelection, type SelectionMode } from './selection.ts';
import { stopBadge } from './labels.ts';

export type PlanningPoint = { id: string; lat: number; lng: number };
export type PlanningRoute = { colour: string; stops: { lat: number; lng: number; order: number }[] };

export type PlanningMap<P extends PlanningPoint> = {
	drawVenues(venues: readonly P[], colourOf: (venue: P) => string): void;
	drawRoutes(routes: readonly PlanningRoute[]): void;
	/** 'click' selects venue by venue; the others draw an area. */
	setMode(mode: 'click' | SelectionMode): void;
	fitTo(points: readonly { lat: number; lng: number }[]): void;
	refreshSize(): void;
	destroy(): void;
};

export async function createPlanningMap<P extends PlanningPoint>(
	element: HTMLElement,
	options: { tileUrl: string; bounds: Bounds; onClickVenue: (venue: P) => void; onArea: (area: DrawnArea) => void }
): Promise<PlanningMap<P>> {
	const { L, map, basemap } = await createBaseMap(element, {
		tileUrl: options.tileUrl,
		bounds: options.bounds,
		seats: builtInSeats
	});
	await basemap;
	map.createPane('routes').style.zIndex = '390';
	let mode: 'click' | SelectionMode = 'click';
	let stopDrawing: (() => void) | null = null;
	const venues = createPointLayer<P>(L, map, {
		pane: 'venues',
		onClick: (venue) => {
			if (mode === 'click') options.onClickVenue(venue);
		}
	});
	const routeLayer: LayerGroup = L.layerGroup().addTo(map);

	return {
		drawVenues(list, colourOf) {
			venues.setPoints(list, colourOf);
		},
		drawRoutes(routes) {
			routeLayer.clearLayers();
			for (const route of routes) {
				const line = route.stops.map((s) => [s.lat, s.lng] as [number, number]);
				if (line.length > 1)
					L.polyline(line, { color: route.colour, weight: 3, opacity: 0.8, pane: 'routes', interactive: false }).addTo(
						routeLayer
					);
				for (const stop of route.stops) {
					L.marker([stop.lat, stop.lng], {
						pane: 'routes',
						interactive: false,
						keyboard: false,
						icon: L.divIcon({
							className: 'route-number',
							html: stopBadge(stop.order, route.colour),
							iconSize: [22, 22],
							iconAnchor: [11, 30]
						})
					}).addTo(routeLayer);
				}
			}
		},
		setMode(next) {
			stopDrawing?.();
			stopDrawing = null;
			mode = next;
			if (next !== 'click') stopDrawing = drawSelection(L, map, next, options.onArea);
		},
		fitTo(points) {
			if (points.length > 0)
				map.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lng])), { padding: [30, 30], maxZoom: 16 });
		},
		refreshSize() {
			map.invalidateSize();
		},
		destroy() {
			stopDrawing?.();
			venues.remove();
			map.remove();
		}
	};
}
