/**
 * What every map of the app starts from: Leaflet on the element, the view on the deployment's box
 * (the server's `DEPLOYMENT_BOUNDS`, handed down in the root layout's data), the embedded basemap
 * (offlineBasemap.ts) and either the self-hosted vector basemap (basemap/vectorLayer.ts, read
 * from the device first) or the raster tile layer (tiles.ts), whose verdict fills the country
 * shape when no tile answers. The pages' maps (venueMap.ts, coverageMap.ts, planningMap.ts, briefingMap.ts,
 * assignmentMap.ts) add their own panes and layers to what this returns.
 */
import type { Map as LeafletMap } from 'leaflet';
import type { Bounds } from '$lib/domain/geo/bounds.ts';
import { municipalities } from '$lib/domain/municipalities.ts';
import { addBasemap, type Basemap, type Seat } from './offlineBasemap.ts';
import { loadLeaflet, type Leaflet } from './leaflet.ts';
import { addTileLayer, type TileStatus } from './tiles.ts';
import { addVectorBasemap } from './basemap/vectorLayer.ts';
import { basemapSettings } from './basemap/offlineAreas.svelte.ts';

export type BaseMapOptions = {
	tileUrl: string;
	seats: readonly Seat[];
	/** The view the map opens on: the deployment's box. */
	bounds: Bounds;
	/**
	 * Points to open on instead (a team's stops), `padding` pixels inside the edges; the box when
	 * there are none. Set before the tiles are asked for, so no tiles of another view are fetched.
	 */
	focus?: { points: readonly { lat: number; lng: number }[]; padding: number };
	/** False for a map that is printed: no zoom buttons, no dragging, no keyboard. */
	interactive?: boolean;
	onTileStatus?: (status: TileStatus) => void;
};

export type BaseMap = {
	L: Leaflet;
	map: LeafletMap;
	/** Settles once the country's outline and the seats are drawn (the outline is fetched). */
	basemap: Promise<Basemap>;
	/** Shows the opening view again (the focus, or the box), e.g. after the element was resized. */
	showOpeningView(): void;
};

/** The municipality seats by their Albanian names, for the maps whose pages have no seat list of their own. */
export const builtInSeats: readonly Seat[] = municipalities.map((municipality) => ({
	name: municipality.nameSq,
	lat: municipality.lat,
	lng: municipality.lng
}));

/** A street's width: closer, a focus of one or two venues shows nothing around them. */
const FOCUS_MAX_ZOOM = 16;

export async function createBaseMap(element: HTMLElement, options: BaseMapOptions): Promise<BaseMap> {
	const L = await loadLeaflet();
	const map: LeafletMap = L.map(
		element,
		options.interactive === false
			? {
					zoomControl: false,
					dragging: false,
					scrollWheelZoom: false,
					doubleClickZoom: false,
					boxZoom: false,
					keyboard: false,
					touchZoom: false,
					zoomSnap: 0.25
				}
			: { preferCanvas: true, zoomSnap: 0.5 }
	);
	map.attributionControl.setPrefix('Leaflet');
	const { bounds, focus } = options;
	const showOpeningView = () => {
		if (focus?.points.length) {
			map.fitBounds(L.latLngBounds(focus.points.map((point) => [point.lat, point.lng])), {
				padding: [focus.padding, focus.padding],
				maxZoom: FOCUS_MAX_ZOOM
			});
		} else {
			map.fitBounds([
				[bounds.minLat, bounds.minLng],
				[bounds.maxLat, bounds.maxLng]
			]);
		}
	};
	showOpeningView();
	// Tiles start loading while the outline is fetched; their verdict is applied once it is drawn.
	// The deployment's own vector archive when it has one (no request leaves our origin), else the
	// configured raster tile server.
	const vector = basemapSettings();
	const basemap = addBasemap(L, map, options.seats, { seatsWithTiles: !vector });
	const onStatus = (status: TileStatus) => {
		if (status !== 'loading') void basemap.then((drawn) => drawn.setTilesReachable(status === 'ok'));
		options.onTileStatus?.(status);
	};
	if (vector) void addVectorBasemap(L, map, vector, onStatus).catch(() => onStatus('unreachable'));
	else addTileLayer(L, map, options.tileUrl, onStatus);
	return { L, map, basemap, showOpeningView };
}
