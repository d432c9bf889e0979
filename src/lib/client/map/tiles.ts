/**
 * The configured tile source, and whether it answers. Tiles are requested with CORS
 * (`crossOrigin`) so the service worker can check and cache them (docs/ARCHITECTURE.md: opaque
 * responses are padded in the storage quota and their status cannot be read).
 */
import type { Map as LeafletMap } from 'leaflet';
import type { Leaflet } from './leaflet.ts';

export type TileStatus = 'loading' | 'ok' | 'unreachable';

// Most tile servers, public or self-hosted, render OpenStreetMap data, whose licence (ODbL)
// requires this credit wherever the map is shown.
const OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

export function addTileLayer(
	L: Leaflet,
	map: LeafletMap,
	tileUrl: string,
	onStatus: (status: TileStatus) => void
): void {
	if (!tileUrl) {
		onStatus('unreachable');
		return;
	}
	const layer = L.tileLayer(tileUrl, {
		crossOrigin: true,
		maxZoom: 19,
		attribution: OSM_ATTRIBUTION
	});
	// Judged once per batch of tiles: a view in which no tile loaded but some failed has no tiles.
	let loaded = 0;
	let failed = 0;
	layer.on('loading', () => {
		loaded = 0;
		failed = 0;
	});
	layer.on('tileload', () => {
		loaded += 1;
		if (loaded === 1) onStatus('ok');
	});
	layer.on('tileerror', () => {
		failed += 1;
	});
	layer.on('load', () => {
		if (loaded === 0 && failed > 0) onStatus('unreachable');
	});
	layer.addTo(map);
}
