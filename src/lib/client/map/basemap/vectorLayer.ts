/**
 * The self-hosted vector basemap as a Leaflet layer (protomaps-leaflet draws the PMTiles archive's
 * vector tiles on canvas; no fonts, sprites or tiles from anywhere but our origin). It reads
 * through the device-first source, and reports whether tiles draw, like the raster layer does, so
 * the embedded outline fills in when neither answers.
 */
import { PMTiles } from 'pmtiles';
import type { Map as LeafletMap } from 'leaflet';
import type { Leaflet } from '../leaflet.ts';
import type { TileStatus } from '../tiles.ts';
import { DeviceFirstSource, type BasemapSettings } from './deviceSource.ts';
import { basemapColours, labelRules, paintRules } from './vectorStyle.ts';

// The credit for OpenStreetMap data (ODbL) when the archive names none; an archive built from
// OpenStreetMap carries it in its metadata, which is shown instead.
const OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The archive's own credit, kept to its text and links to OpenStreetMap (it is shown as HTML). */
function attributionOf(metadata: unknown): string {
	const text = (metadata as { attribution?: unknown } | null)?.attribution;
	if (typeof text !== 'string' || !text.trim()) return OSM_ATTRIBUTION;
	const plain = text.replace(/<[^>]*>/g, '').trim();
	return /openstreetmap/i.test(plain) ? OSM_ATTRIBUTION : escapeHtml(plain);
}

export type VectorBasemap = { source: DeviceFirstSource };

export async function addVectorBasemap(
	L: Leaflet,
	map: LeafletMap,
	settings: BasemapSettings,
	onStatus: (status: TileStatus) => void
): Promise<VectorBasemap> {
	// protomaps-leaflet extends the global `L` (Leaflet's UMD build sets it) when it is loaded.
	(globalThis as { L?: Leaflet }).L ??= L;
	const { leafletLayer } = await import('protomaps-leaflet');
	const source = new DeviceFirstSource(settings);
	const archive = new PMTiles(source);
	const header = await archive.getHeader().catch(() => null);
	if (!header) {
		onStatus('unreachable');
		return { source };
	}
	const metadata = await archive.getMetadata().catch(() => null);
	map.createPane('vector-basemap').style.zIndex = '200';
	const layer = leafletLayer({
		url: archive,
		pane: 'vector-basemap',
		paintRules,
		labelRules,
		backgroundColor: basemapColours.background,
		maxDataZoom: header.maxZoom,
		maxZoom: 20,
		attribution: attributionOf(metadata)
	});
	let drawn = 0;
	// Where the drawn tiles' bytes came from, on the map's element (for the end-to-end test).
	const container = map.getContainer();
	layer.on('tileload', () => {
		drawn += 1;
		container.dataset.basemapTiles = String(drawn);
		container.dataset.basemapReads = `device:${source.counts.device} network:${source.counts.network}`;
	});
	layer.addTo(map);
	onStatus('ok');
	return { source };
}
