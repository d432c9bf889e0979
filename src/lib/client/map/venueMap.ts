/**
 * The Leaflet map behind the map page. Venues and places used by children are canvas
 * `circleMarker`s: ARCHITECTURE.md measured 20,000 of them drawing in ~0.4 s where DOM markers
 * froze a phone. Components hand data in and get plain callbacks out; they never touch Leaflet.
 */
import type { CircleMarker, LayerGroup, Map as LeafletMap } from 'leaflet';
import { kosovoBounds } from '$lib/domain/municipalities.ts';
import { addBasemap, type Seat } from './basemap.ts';
import { loadLeaflet, type Leaflet } from './leaflet.ts';
import {
	childSiteMarkerStyle,
	selectionRingStyle,
	statusColour,
	venueMarkerStyle
} from './style.ts';
import { addTileLayer, type TileStatus } from './tiles.ts';

export type MapPoint = { id: string; lat: number; lng: number };
export type VenuePoint = MapPoint & { status: string };

export type VenueMapOptions<V extends VenuePoint, C extends MapPoint> = {
	tileUrl: string;
	seats: readonly Seat[];
	onSelectVenue: (venue: V) => void;
	onSelectChildSite: (site: C) => void;
	onTileStatus: (status: TileStatus) => void;
};

export type VenueMap<V extends VenuePoint, C extends MapPoint> = {
	/** Replaces the drawn venues; returns how many were drawn. */
	drawVenues(venues: readonly V[]): number;
	drawChildSites(sites: readonly C[]): void;
	setChildSitesVisible(visible: boolean): void;
	/** Rings the selected point (or clears the ring) and, when asked, brings it into view. */
	select(point: MapPoint | null, options?: { pan: boolean }): void;
	/** After the container was hidden or resized. */
	refreshSize(): void;
	destroy(): void;
};

/** Close enough to tell neighbouring buildings apart. */
const FOCUS_ZOOM = 17;

export async function createVenueMap<V extends VenuePoint, C extends MapPoint>(
	element: HTMLElement,
	options: VenueMapOptions<V, C>
): Promise<VenueMap<V, C>> {
	const L: Leaflet = await loadLeaflet();
	const map: LeafletMap = L.map(element, { preferCanvas: true, zoomSnap: 0.5 });
	map.attributionControl.setPrefix('Leaflet');
	map.fitBounds([
		[kosovoBounds.minLat, kosovoBounds.minLng],
		[kosovoBounds.maxLat, kosovoBounds.maxLng]
	]);

	// Tiles start loading while the outline is fetched; their verdict is applied once it is drawn.
	const basemap = addBasemap(L, map, options.seats);
	addTileLayer(L, map, options.tileUrl, (status) => {
		if (status !== 'loading') void basemap.then((drawn) => drawn.setTilesReachable(status === 'ok'));
		options.onTileStatus(status);
	});
	await basemap;

	map.createPane('childSites').style.zIndex = '395';
	// A generous click tolerance makes 12 px dots hittable with a finger.
	const venueRenderer = L.canvas({ tolerance: 8 });
	const childSiteRenderer = L.canvas({ pane: 'childSites', tolerance: 8 });
	const venueLayer: LayerGroup = L.layerGroup().addTo(map);
	const childSiteLayer: LayerGroup = L.layerGroup();
	let selectionRing: CircleMarker | null = null;

	return {
		drawVenues(venues) {
			venueLayer.clearLayers();
			for (const venue of venues) {
				L.circleMarker([venue.lat, venue.lng], {
					...venueMarkerStyle,
					fillColor: statusColour(venue.status),
					renderer: venueRenderer
				})
					.on('click', () => options.onSelectVenue(venue))
					.addTo(venueLayer);
			}
			return venues.length;
		},
		drawChildSites(sites) {
			childSiteLayer.clearLayers();
			for (const site of sites) {
				L.circleMarker([site.lat, site.lng], {
					...childSiteMarkerStyle,
					pane: 'childSites',
					renderer: childSiteRenderer
				})
					.on('click', () => options.onSelectChildSite(site))
					.addTo(childSiteLayer);
			}
		},
		setChildSitesVisible(visible) {
			if (visible) childSiteLayer.addTo(map);
			else childSiteLayer.remove();
		},
		select(point, { pan } = { pan: false }) {
			selectionRing?.remove();
			selectionRing = null;
			if (!point) return;
			selectionRing = L.circleMarker([point.lat, point.lng], {
				...selectionRingStyle,
				interactive: false,
				renderer: venueRenderer
			}).addTo(map);
			if (pan) {
				// Centred a quarter of the height above the middle: the details card covers the bottom.
				const zoom = Math.max(map.getZoom(), FOCUS_ZOOM);
				const centre = map
					.project([point.lat, point.lng], zoom)
					.add([0, map.getSize().y / 4]);
				map.setView(map.unproject(centre, zoom), zoom);
			}
		},
		refreshSize() {
			map.invalidateSize();
		},
		destroy() {
			map.remove();
		}
	};
}
