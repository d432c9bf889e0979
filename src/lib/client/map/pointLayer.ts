/**
 * Venues drawn as dots on one canvas. A national register holds tens of thousands of venues:
 * Leaflet draws each `circleMarker` as its own layer object (~0.4 s for 20,000 on this hardware,
 * docs/ARCHITECTURE.md) and a DOM marker per venue froze phones. Here the points live in flat typed
 * arrays, projected once, and a redraw stamps one pre-drawn dot image per point (a `drawImage` of
 * a small sprite is far cheaper than tracing and stroking 20,000 arcs) — bench/map.bench.ts
 * measures it against Leaflet's circleMarkers and plain DOM markers.
 *
 * The canvas sits in its own map pane, so it follows a drag without redrawing; it is larger than
 * the view by PADDING on each side so a short drag reveals no blank edge, and is redrawn when the
 * move ends. Clicks are matched to the nearest dot within a finger's reach.
 */
import type { Map as LeafletMap } from 'leaflet';
import type { Leaflet } from './leaflet.ts';

export type DrawnPoint = { lat: number; lng: number };

export type PointLayer<P extends DrawnPoint> = {
	/** Replaces the points; `colourOf` is asked once per point. */
	setPoints(points: readonly P[], colourOf: (point: P) => string): void;
	/** The point nearest to a container pixel within the touch tolerance, or null. */
	pointAt(x: number, y: number): P | null;
	remove(): void;
};

/** Share of the view's width and height drawn beyond each edge. */
const PADDING = 0.25;
const RADIUS = 6;
const RIM = 1.5;
/** Pixels from a dot's centre that still count as a tap on it (a fingertip is ~10 mm). */
const TOLERANCE = 14;

export function createPointLayer<P extends DrawnPoint>(
	L: Leaflet,
	map: LeafletMap,
	options: { pane: string; onClick: (point: P) => void }
): PointLayer<P> {
	const pane = map.getPane(options.pane) ?? map.createPane(options.pane);
	const canvas = L.DomUtil.create('canvas', 'point-layer leaflet-zoom-hide', pane) as HTMLCanvasElement;
	canvas.style.pointerEvents = 'none';
	const context = canvas.getContext('2d')!;

	let points: readonly P[] = [];
	// Web Mercator pixels at zoom 0, computed once per set of points.
	let worldX = new Float64Array(0);
	let worldY = new Float64Array(0);
	let colourIndex = new Uint16Array(0);
	let colours: string[] = [];
	let sprites: HTMLCanvasElement[] = [];
	let spriteRatio = 0;
	// Container pixels of the last drawing, for hit testing; NaN for points that were not drawn.
	let screenX = new Float32Array(0);
	let screenY = new Float32Array(0);

	function redraw(): void {
		const size = map.getSize();
		const padX = Math.round(size.x * PADDING);
		const padY = Math.round(size.y * PADDING);
		const width = size.x + 2 * padX;
		const height = size.y + 2 * padY;
		const ratio = window.devicePixelRatio || 1;
		if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
			canvas.width = Math.round(width * ratio);
			canvas.height = Math.round(height * ratio);
			canvas.style.width = `${width}px`;
			canvas.style.height = `${height}px`;
		}
		const topLeft = map.containerPointToLayerPoint([-padX, -padY]);
		L.DomUtil.setPosition(canvas, topLeft);
		context.setTransform(1, 0, 0, 1, 0, 0);
		context.clearRect(0, 0, canvas.width, canvas.height);

		if (spriteRatio !== ratio) {
			sprites = colours.map((colour) => dotSprite(colour, ratio));
			spriteRatio = ratio;
		}

		const scale = 2 ** map.getZoom();
		const origin = map.getPixelOrigin();
		// Canvas pixel = world pixel at this zoom − pixel origin − the canvas's own layer position.
		const offsetX = origin.x + topLeft.x;
		const offsetY = origin.y + topLeft.y;
		const margin = RADIUS + RIM;
		const half = (margin * ratio + 1) | 0;
		// Device pixels (the transform is the identity), so the sprites are stamped 1:1 and stay crisp.
		screenX.fill(Number.NaN);
		// In list order, so a later point is drawn over an earlier one (and wins a tap, see pointAt).
		for (let i = 0; i < points.length; i++) {
			const x = worldX[i]! * scale - offsetX;
			const y = worldY[i]! * scale - offsetY;
			if (x < -margin || y < -margin || x > width + margin || y > height + margin) continue;
			context.drawImage(sprites[colourIndex[i]!]!, Math.round(x * ratio) - half, Math.round(y * ratio) - half);
			screenX[i] = x - padX;
			screenY[i] = y - padY;
		}
	}

	function hide(): void {
		canvas.style.visibility = 'hidden';
	}
	function show(): void {
		redraw();
		canvas.style.visibility = '';
	}

	function pointAt(x: number, y: number): P | null {
		let best = -1;
		let bestDistance = TOLERANCE * TOLERANCE;
		for (let i = 0; i < points.length; i++) {
			const dx = screenX[i]! - x;
			if (!(Math.abs(dx) <= TOLERANCE)) continue;
			const dy = screenY[i]! - y;
			const distance = dx * dx + dy * dy;
			// Later points are drawn on top, so on a tie the topmost wins.
			if (distance <= bestDistance) {
				bestDistance = distance;
				best = i;
			}
		}
		return best >= 0 ? (points[best] as P) : null;
	}

	const onClick = (event: { containerPoint: { x: number; y: number } }) => {
		const hit = pointAt(event.containerPoint.x, event.containerPoint.y);
		if (hit) options.onClick(hit);
	};
	const onMouseMove = (event: { containerPoint: { x: number; y: number } }) => {
		map
			.getContainer()
			.classList.toggle('point-layer-hover', pointAt(event.containerPoint.x, event.containerPoint.y) !== null);
	};
	map.on('moveend resize viewreset', redraw);
	map.on('zoomstart', hide);
	map.on('zoomend', show);
	map.on('click', onClick);
	map.on('mousemove', onMouseMove);

	return {
		setPoints(next, colourOf) {
			points = next;
			const count = next.length;
			worldX = new Float64Array(count);
			worldY = new Float64Array(count);
			colourIndex = new Uint16Array(count);
			screenX = new Float32Array(count);
			screenY = new Float32Array(count);
			const indexOf = new Map<string, number>();
			colours = [];
			for (let i = 0; i < count; i++) {
				const point = next[i]!;
				worldX[i] = mercatorX(point.lng);
				worldY[i] = mercatorY(point.lat);
				const colour = colourOf(point);
				let index = indexOf.get(colour);
				if (index === undefined) {
					index = colours.length;
					colours.push(colour);
					indexOf.set(colour, index);
				}
				colourIndex[i] = index;
			}
			spriteRatio = 0;
			redraw();
		},
		pointAt,
		remove() {
			map.off('moveend resize viewreset', redraw);
			map.off('zoomstart', hide);
			map.off('zoomend', show);
			map.off('click', onClick);
			map.off('mousemove', onMouseMove);
			canvas.remove();
		}
	};
}

/**
 * Web Mercator (EPSG:3857, Leaflet's default CRS) in pixels at zoom 0, where the world is 256 px
 * wide: the same numbers as `map.project(latLng, 0)` without a LatLng and a Point per venue.
 */
const WORLD = 256;
const MAX_LATITUDE = 85.0511287798;
function mercatorX(lng: number): number {
	return ((lng + 180) / 360) * WORLD;
}
function mercatorY(lat: number): number {
	const sin = Math.sin((Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)) * Math.PI) / 180);
	return (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * WORLD;
}

/** One dot with its white rim, drawn once per colour at the screen's pixel ratio. */
function dotSprite(colour: string, ratio: number): HTMLCanvasElement {
	const half = ((RADIUS + RIM) * ratio + 1) | 0;
	const sprite = document.createElement('canvas');
	sprite.width = sprite.height = 2 * half;
	const context = sprite.getContext('2d')!;
	context.scale(ratio, ratio);
	context.beginPath();
	context.arc(half / ratio, half / ratio, RADIUS, 0, 2 * Math.PI);
	context.fillStyle = colour;
	context.globalAlpha = 0.95;
	context.fill();
	context.globalAlpha = 1;
	context.lineWidth = RIM;
	context.strokeStyle = '#ffffff';
	context.stroke();
	return sprite;
}
