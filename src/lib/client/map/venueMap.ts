/**
 * The Leaflet map behind the map page. Venues are dots on one canvas (pointLayer.ts), places used
 * by children are canvas rings with their 350 m circle. Components hand data in and get plain
 * callbacks out; they never touch Leaflet.
 */
import type { Circle, CircleMarker, LayerGroup, Marker } from 'leaflet';
import { createBaseMap, type BaseMapOptions } from './baseMap.ts';
import { createPointLayer } from './pointLayer.ts';
import { childSiteCircleStyle, childSiteMarkerStyle, selectionRingStyle } from './style.ts';
import type { TileStatus } from './tiles.ts';

export type MapPoint = { id: string; lat: number; lng: number };

export type VenueMapOptions<V extends MapPoint, C extends MapPoint> = Pick<
	BaseMapOptions,
	'tileUrl' | 'seats' | 'bounds'
> & {
	onSelectVenue: (venue: V) => void;
	onSelectChildSite: (site: C) => void;
	onTileStatus: (status: TileStatus) => void;
};

export type VenueMap<V extends MapPoint, C extends MapPoint> = {
	/** Replaces the drawn venues; returns how many were drawn. */
	drawVenues(venues: readonly V[], colourOf: (venue: V) => string): number;
	drawChildSites(sites: readonly C[], radiusMetres: number): void;
	setChildSitesVisible(visible: boolean): void;
	/** Rings the selected point (or clears the ring) and, when asked, brings it into view. */
	select(point: MapPoint | null, options?: { pan: boolean }): void;
	/**
	 * While placing, a tap on the map reports its position instead of selecting a venue, and the
	 * draft pin (if any) can be dragged; null ends placing.
	 */
	place(onPlace: ((lat: number, lng: number) => void) | null): void;
	/** The pin of a venue being created or moved; null removes it. */
	setDraft(point: { lat: number; lng: number } | null): void;
	/** After the container was hidden or resized. */
	refreshSize(): void;
	/** The box the map shows now (the area a user may keep offline). */
	viewBox(): { minLat: number; minLng: number; maxLat: number; maxLng: number };
	destroy(): void;
};

/** Close enough to tell neighbouring buildings apart. */
const FOCUS_ZOOM = 17;

export async function createVenueMap<V extends MapPoint, C extends MapPoint>(
	element: HTMLElement,
	options: VenueMapOptions<V, C>
): Promise<VenueMap<V, C>> {
	const { L, map, basemap } = await createBaseMap(element, options);
	await basemap;

	map.createPane('childSiteAreas').style.zIndex = '380';
	map.createPane('childSites').style.zIndex = '410';
	map.createPane('selection').style.zIndex = '420';
	let onPlace: ((lat: number, lng: number) => void) | null = null;
	// Leaflet's overlay pane (z-index 400): the venues sit over the children's areas, under their rings.
	const venues = createPointLayer<V>(L, map, {
		pane: 'overlayPane',
		onClick: (venue) => {
			if (!onPlace) options.onSelectVenue(venue);
		}
	});
	// A generous click tolerance makes 12 px rings hittable with a finger.
	const childSiteRenderer = L.canvas({ pane: 'childSites', tolerance: 8 });
	const childSiteAreaRenderer = L.canvas({ pane: 'childSiteAreas' });
	const selectionRenderer = L.canvas({ pane: 'selection' });
	const childSiteLayer: LayerGroup = L.layerGroup();
	let selectionRing: CircleMarker | null = null;
	let draft: Marker | null = null;

	map.on('click', (event) => {
		if (onPlace) onPlace(event.latlng.lat, event.latlng.lng);
	});

	return {
		drawVenues(list, colourOf) {
			venues.setPoints(list, colourOf);
			return list.length;
		},
		drawChildSites(sites, radiusMetres) {
			childSiteLayer.clearLayers();
			for (const site of sites) {
				const area: Circle = L.circle([site.lat, site.lng], {
					...childSiteCircleStyle,
					radius: radiusMetres,
					pane: 'childSiteAreas',
					renderer: childSiteAreaRenderer,
					interactive: false
				});
				area.addTo(childSiteLayer);
				L.circleMarker([site.lat, site.lng], {
					...childSiteMarkerStyle,
					pane: 'childSites',
					renderer: childSiteRenderer
				})
					.on('click', (event) => {
						if (onPlace) return;
						L.DomEvent.stopPropagation(event);
						options.onSelectChildSite(site);
					})
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
				pane: 'selection',
				interactive: false,
				renderer: selectionRenderer
			}).addTo(map);
			if (pan) {
				// Centred a quarter of the height above the middle: the details card covers the bottom.
				const zoom = Math.max(map.getZoom(), FOCUS_ZOOM);
				const centre = map.project([point.lat, point.lng], zoom).add([0, map.getSize().y / 4]);
				map.setView(map.unproject(centre, zoom), zoom);
			}
		},
		place(handler) {
			onPlace = handler;
			element.classList.toggle('placing', handler !== null);
			if (draft) {
				if (handler) draft.dragging?.enable();
				else draft.dragging?.disable();
			}
		},
		setDraft(point) {
			if (!point) {
				draft?.remove();
				draft = null;
				return;
			}
			if (!draft) {
				draft = L.marker([point.lat, point.lng], {
					draggable: true,
					autoPan: true,
					keyboard: false,
					icon: L.divIcon({ className: 'draft-pin', html: '<span></span>', iconSize: [28, 28], iconAnchor: [14, 28] })
				}).addTo(map);
				draft.on('dragend', () => {
					const { lat, lng } = draft!.getLatLng();
					onPlace?.(lat, lng);
				});
				if (!onPlace) draft.dragging?.disable();
				const zoom = Math.max(map.getZoom(), 15);
				map.setView([point.lat, point.lng], zoom);
			} else {
				draft.setLatLng([point.lat, point.lng]);
			}
		},
		viewBox() {
			const shown = map.getBounds();
			return { minLat: shown.getSouth(), minLng: shown.getWest(), maxLat: shown.getNorth(), maxLng: shown.getEast() };
		},
		refreshSize() {
			map.invalidateSize();
		},
		destroy() {
			venues.remove();
			map.remove();
		}
	};
}
