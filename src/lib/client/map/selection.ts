/**
 * Drawing a selection on a Leaflet map without a plugin: a rectangle by pressing and dragging, or a
 * polygon by clicking its corners (clicking near the first corner, or double-clicking, closes it).
 * While drawing, the map does not pan on drag, so the gesture draws instead of moving the map.
 */
import type { LatLng as LeafletLatLng, LeafletMouseEvent, Map as LeafletMap, Polygon, Polyline, Rectangle } from 'leaflet';
import type { DrawnArea } from '$lib/domain/geo/selection.ts';
import type { Leaflet } from './leaflet.ts';

export type SelectionMode = 'rectangle' | 'polygon';

const shapeStyle = { color: '#0b3d5c', weight: 2, dashArray: '6 4', fillColor: '#56b4e9', fillOpacity: 0.15, interactive: false } as const;
/** Pixels from the first corner that count as closing the polygon. */
const CLOSE_PIXELS = 12;

/** Starts drawing; `onDone` gets the area drawn. Returns a function that stops drawing and clears. */
export function drawSelection(L: Leaflet, map: LeafletMap, mode: SelectionMode, onDone: (area: DrawnArea) => void): () => void {
	const container = map.getContainer();
	container.classList.add('drawing');
	map.dragging.disable();
	map.doubleClickZoom.disable();
	let rectangle: Rectangle | null = null;
	let outline: Polyline | Polygon | null = null;
	let anchor: LeafletLatLng | null = null;
	const corners: LeafletLatLng[] = [];
	const plain = (p: LeafletLatLng) => ({ lat: p.lat, lng: p.lng });

	function down(event: LeafletMouseEvent): void {
		anchor = event.latlng;
		rectangle?.remove();
		rectangle = L.rectangle(L.latLngBounds(anchor, anchor), shapeStyle).addTo(map);
	}
	function move(event: LeafletMouseEvent): void {
		if (anchor && rectangle) rectangle.setBounds(L.latLngBounds(anchor, event.latlng));
	}
	function up(event: LeafletMouseEvent): void {
		if (!anchor) return;
		const start = anchor;
		anchor = null;
		onDone({ kind: 'rectangle', corners: [plain(start), plain(event.latlng)] });
	}

	function finishPolygon(): void {
		if (corners.length < 3) return;
		onDone({ kind: 'polygon', corners: corners.map(plain) });
		// The outline stays until the next click starts a new polygon.
		corners.length = 0;
	}
	function click(event: LeafletMouseEvent): void {
		const first = corners[0];
		if (first && corners.length >= 3 && map.latLngToContainerPoint(first).distanceTo(event.containerPoint) < CLOSE_PIXELS) {
			finishPolygon();
			return;
		}
		corners.push(event.latlng);
		outline?.remove();
		outline = L.polygon(corners, shapeStyle).addTo(map);
	}

	if (mode === 'rectangle') {
		map.on('mousedown', down);
		map.on('mousemove', move);
		map.on('mouseup', up);
	} else {
		map.on('click', click);
		map.on('dblclick', finishPolygon);
	}

	return () => {
		map.off('mousedown', down);
		map.off('mousemove', move);
		map.off('mouseup', up);
		map.off('click', click);
		map.off('dblclick', finishPolygon);
		rectangle?.remove();
		outline?.remove();
		container.classList.remove('drawing');
		map.dragging.enable();
		map.doubleClickZoom.enable();
	};
}
