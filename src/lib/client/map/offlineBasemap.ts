/**
 * The embedded basemap (docs/ARCHITECTURE.md, "Offline shell and maps"): Kosovo's outline from
 * static/basemap and the municipality seats, always drawn under the venues so the map means
 * something when no tile server is reachable (no network, or none configured).
 */
import type { GeoJSON, Map as LeafletMap } from 'leaflet';
import type { Leaflet } from './leaflet.ts';
import { outlineStyle, SEAT_LABEL_MIN_ZOOM } from './style.ts';
import { textTooltip } from './labels.ts';

export const BASEMAP_URL = '/basemap/kosovo.geojson';

export type Seat = { name: string; lat: number; lng: number };

export type Basemap = {
	/** Fills the country shape when tiles are missing, so it does not float on a grey void. */
	setTilesReachable(reachable: boolean): void;
};

export async function addBasemap(L: Leaflet, map: LeafletMap, seats: readonly Seat[]): Promise<Basemap> {
	map.createPane('basemap').style.zIndex = '250';
	map.createPane('seats').style.zIndex = '390';
	const renderer = L.canvas({ pane: 'basemap' });

	let outline: GeoJSON | null = null;
	let tilesReachable = true;
	try {
		const response = await fetch(BASEMAP_URL);
		if (response.ok) {
			outline = L.geoJSON(await response.json(), {
				pane: 'basemap',
				interactive: false,
				style: () => ({ ...(tilesReachable ? outlineStyle.withTiles : outlineStyle.withoutTiles), renderer })
			}).addTo(map);
		}
	} catch {
		// The outline is precached by the service worker; without it the seats still place the map.
	}

	for (const seat of seats) {
		L.circleMarker([seat.lat, seat.lng], {
			pane: 'seats',
			renderer,
			radius: 3,
			color: '#1f2937',
			weight: 1,
			fillColor: '#1f2937',
			fillOpacity: 1,
			interactive: false
		})
			.bindTooltip(textTooltip(seat.name), {
				permanent: true,
				direction: 'right',
				offset: [4, 0],
				pane: 'seats',
				className: 'seat-label'
			})
			.addTo(map);
	}

	const container = map.getContainer();
	const showLabelsAtThisZoom = () =>
		container.classList.toggle('seat-labels-visible', map.getZoom() >= SEAT_LABEL_MIN_ZOOM);
	map.on('zoomend', showLabelsAtThisZoom);
	showLabelsAtThisZoom();

	return {
		setTilesReachable(reachable) {
			tilesReachable = reachable;
			outline?.setStyle(reachable ? outlineStyle.withTiles : outlineStyle.withoutTiles);
		}
	};
}
