/**
 * Drawing a selection on a Leaflet map without a plugin: a rectangle by pressing and dragging, or a
 * polygon by clicking its corners (clicking near the first corner, or double-clicking, closes it).
 * While drawing, the map does not pan on drag, so the gesture draws instead of moving the map.
 * The rectangle follows pointer events on the container rather than Leaflet's mouse events: a finger
 * dragging on a touch screen sends no mouse events until it lifts, so only pointer events draw there.
 */
import type {
	LatLng as LeafletLatLng,
	LeafletMouseEvent,
	Map as LeafletMap,
	Polygon,
	Polyline,
	Rectangle
} from 'leaflet';
import type { DrawnArea } from '$lib/domain/geo/selection.ts';
import type { Leaflet } from './leaflet.ts';

export type SelectionMode = 'rectangle' | 'polygon';

const shapeStyle = {
	color: '#0b3d5c',
	weight: 2,
	dashArray: '6 4',
	fillColor: '#56b4e9',
	fillOpacity: 0.15,
	interactive: false
} as const;
/** Pixels from the first corner that count as closing the polygon. */
const CLOSE_PIXELS = 12;

/** Starts drawing; `onDone` gets the area drawn. Returns a function that stops drawing and clears. */
export function drawSelection(
	L: Leaflet,
	map: LeafletMap,
	mode: SelectionMode,
	onDone: (area: DrawnArea) => void
): () => void {
	const container = map.getContainer();
	container.classList.add('drawing');
	map.dragging.disable();
	map.doubleClickZoom.disable();
	let rectangle: Rectangle | null = null;
	let outline: Polyline | Polygon | null = null;
	let anchor: LeafletLatLng | null = null;
	const corners: LeafletLatLng[] = [];
	const plain = (p: LeafletLatLng) => ({ lat: p.lat, lng: p.lng });

	let pointerId: number | null = null;
	function down(event: PointerEvent): void {
		// One finger draws; a second one (a pinch) is left to Leaflet's zoom.
		if (pointerId !== null || (event.pointerType === 'mouse' && event.button !== 0)) return;
		if ((event.target as Element | null)?.closest('.leaflet-control')) return;
		pointerId = event.pointerId;
		container.setPointerCapture?.(event.pointerId);
		anchor = map.mouseEventToLatLng(event);
		rectangle?.remove();
		rectangle = L.rectangle(L.latLngBounds(anchor, anchor), shapeStyle).addTo(map);
		event.preventDefault();
	}
	function move(event: PointerEvent): void {
		if (event.pointerId !== pointerId || !anchor || !rectangle) return;
		rectangle.setBounds(L.latLngBounds(anchor, map.mouseEventToLatLng(event)));
	}
	function up(event: PointerEvent): void {
		if (event.pointerId !== pointerId || !anchor) return;
		pointerId = null;
		const start = anchor;
		anchor = null;
		onDone({ kind: 'rectangle', corners: [plain(start), plain(map.mouseEventToLatLng(event))] });
	}
	function cancel(event: PointerEvent): void {
		if (event.pointerId !== pointerId) return;
		pointerId = null;
		anchor = null;
		rectangle?.remove();
		rectangle = null;
	}

	function finishPolygon(): void {
		if (corners.length < 3) return;
		onDone({ kind: 'polygon', corners: corners.map(plain) });
		// The outline stays until the next click starts a new polygon.
		corners.length = 0;
	}
	function click(event: LeafletMouseEvent): void {
		const first = corners[0];
		if (
			first &&
			corners.length >= 3 &&
			map.latLngToContainerPoint(first).distanceTo(event.containerPoint) < CLOSE_PIXELS
		) {
			finishPolygon();
			return;
		}
		corners.push(event.latlng);
		outline?.remove();
		outline = L.polygon(corners, shapeStyle).addTo(map);
	}

	if (mode === 'rectangle') {
		container.addEventListener('pointerdown', down);
		container.addEventListener('pointermove', move);
		container.addEventListener('pointerup', up);
		container.addEventListener('pointercancel', cancel);
	} else {
		map.on('click', click);
		map.on('dblclick', finishPolygon);
	}

	return () => {
		container.removeEventListener('pointerdown', down);
		container.removeEventListener('pointermove', move);
		container.removeEventListener('pointerup', up);
		container.removeEventListener('pointercancel', cancel);
		map.off('click', click);
		map.off('dblclick', finishPolygon);
		rectangle?.remove();
		outline?.remove();
		container.classList.remove('drawing');
		map.dragging.enable();
		map.doubleClickZoom.enable();
	};
}
