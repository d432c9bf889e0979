/**
 * The embedded basemap (docs/ARCHITECTURE.md, "Offline shell and maps"): Kosovo's outline
 * (domain/geo/kosovoOutline.json, part of the app's code, so it is there whenever the app is) and
 * the municipality seats, always drawn under the venues so the map means something when neither a
 * basemap archive nor a tile server answers.
 */
import type { GeoJsonObject } from 'geojson';
import type { Map as LeafletMap } from 'leaflet';
import outlineData from '../../domain/geo/kosovoOutline.json';
import type { Leaflet } from './leaflet.ts';
import { outlineStyle, SEAT_LABEL_MIN_ZOOM } from './style.ts';
import { textTooltip } from './labels.ts';

export type Seat = { name: string; lat: number; lng: number };

export type Basemap = {
	/** Fills the country shape when tiles are missing, so it does not float on a grey void. */
	setTilesReachable(reachable: boolean): void;
};

/**
 * `seatsWithTiles: false` hides the seats while tiles draw: a vector basemap names its places
 * itself, and the seats would label them twice.
 */
export async function addBasemap(
	L: Leaflet,
	map: LeafletMap,
	seats: readonly Seat[],
	{ seatsWithTiles = true }: { seatsWithTiles?: boolean } = {}
): Promise<Basemap> {
	map.createPane('basemap').style.zIndex = '250';
	map.createPane('seats').style.zIndex = '390';
	const renderer = L.canvas({ pane: 'basemap' });

	let tilesReachable = true;
	const outline = L.geoJSON(outlineData as GeoJsonObject, {
		pane: 'basemap',
		interactive: false,
		style: () => ({ ...(tilesReachable ? outlineStyle.withTiles : outlineStyle.withoutTiles), renderer })
	}).addTo(map);

	const seatLayer = L.layerGroup();
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
			.addTo(seatLayer);
	}
	if (seatsWithTiles) seatLayer.addTo(map);

	const container = map.getContainer();
	const showLabelsAtThisZoom = () =>
		container.classList.toggle('seat-labels-visible', map.getZoom() >= SEAT_LABEL_MIN_ZOOM);
	map.on('zoomend', showLabelsAtThisZoom);
	showLabelsAtThisZoom();

	return {
		setTilesReachable(reachable) {
			tilesReachable = reachable;
			outline.setStyle(reachable ? outlineStyle.withTiles : outlineStyle.withoutTiles);
			if (!seatsWithTiles) {
				if (reachable) seatLayer.remove();
				else seatLayer.addTo(map);
			}
		}
	};
}
