/**
 * The supervisors' coverage map on the shared Leaflet set-up (basemap, tiles): one circle per
 * municipality at its seat, sized by its registered venues and shaded by coverage %, and every
 * venue as a canvas dot coloured by how long ago it was last inspected (docs/ARCHITECTURE.md: canvas
 * `circleMarker`s, never a DOM marker per venue).
 */
import type { LayerGroup } from 'leaflet';
import { recencyBand, type RecencyBand } from '$lib/domain/coverage/venues.ts';
import { createBaseMap, type BaseMapOptions } from './baseMap.ts';
import type { TileStatus } from './tiles.ts';
import { textTooltip } from './labels.ts';

/** Okabe–Ito colours, tellable apart with the common colour-vision deficiencies; "never" is black. */
export const recencyColours: Record<RecencyBand, string> = {
	within30: '#009e73',
	within90: '#56b4e9',
	within180: '#e69f00',
	longer: '#d55e00',
	never: '#000000'
};

/** A light-to-dark blue ramp: darker is better covered; grey when nothing is registered. */
export function coverageShade(percent: number | null): string {
	if (percent === null) return '#9ca3af';
	const steps = ['#deebf7', '#9ecae1', '#4292c6', '#2171b5', '#08306b'];
	return steps[Math.min(steps.length - 1, Math.floor(percent / 20))]!;
}

export type MunicipalityCircle = {
	id: string;
	lat: number;
	lng: number;
	registered: number;
	coveragePercent: number | null;
	label: string;
};
export type CoverageVenuePoint = {
	id: string;
	lat: number;
	lng: number;
	daysSinceInspection: number | null;
	label: string;
};

export type CoverageMap = {
	draw(municipalities: readonly MunicipalityCircle[], venues: readonly CoverageVenuePoint[]): number;
	destroy(): void;
};

export async function createCoverageMap(
	element: HTMLElement,
	options: Pick<BaseMapOptions, 'tileUrl' | 'seats' | 'bounds'> & { onTileStatus: (status: TileStatus) => void }
): Promise<CoverageMap> {
	const { L, map, basemap } = await createBaseMap(element, options);
	await basemap;

	map.createPane('coverage').style.zIndex = '380';
	const areaRenderer = L.canvas({ pane: 'coverage' });
	const venueRenderer = L.canvas({ tolerance: 6 });
	const layer: LayerGroup = L.layerGroup().addTo(map);

	return {
		draw(municipalities, venues) {
			layer.clearLayers();
			const largest = Math.max(1, ...municipalities.map((m) => m.registered));
			for (const area of municipalities) {
				// Area, not radius, in proportion to the register, so a big town does not look 4× as big at 2×.
				const radius = 6 + 22 * Math.sqrt(area.registered / largest);
				L.circleMarker([area.lat, area.lng], {
					pane: 'coverage',
					renderer: areaRenderer,
					radius,
					color: '#0b3d5c',
					weight: 1.5,
					fillColor: coverageShade(area.coveragePercent),
					fillOpacity: 0.55
				})
					.bindTooltip(textTooltip(area.label))
					.addTo(layer);
			}
			for (const venue of venues) {
				L.circleMarker([venue.lat, venue.lng], {
					renderer: venueRenderer,
					radius: 4,
					color: '#ffffff',
					weight: 1,
					fillColor: recencyColours[recencyBand(venue.daysSinceInspection)],
					fillOpacity: 0.95
				})
					.bindTooltip(textTooltip(venue.label))
					.addTo(layer);
			}
			return venues.length;
		},
		destroy() {
			map.remove();
		}
	};
}
