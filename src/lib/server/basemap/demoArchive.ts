/**
 * The demo basemap: a small but real PMTiles archive of vector tiles, made on the first start of a
 * demo server from data the project already holds — the country's outline (kosovoOutline.json) and the
 * 38 municipality seats with their names — so the quick start shows a map that works offline, and
 * the tests read a real archive. Its layers and properties follow the Protomaps basemap schema
 * (earth, boundaries, places), which the map's style (client/map/vectorStyle.ts) reads, so a
 * country archive built from OpenStreetMap (README, "Basemap") draws with the same style.
 *
 * It has no streets: the project holds no street data, and invented ones would mislead.
 */
import fs from 'node:fs';
import path from 'node:path';
import outlineData from '../../domain/geo/kosovoOutline.json';
import { gzipSync } from 'fflate';
import GeoJSONVT from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { municipalities } from '../../domain/municipalities.ts';
import { Compression, TileType, writeArchive, type TileInput } from './pmtilesWriter.ts';
import { tileX, tileY } from '../../domain/geo/tiles.ts';

export const DEMO_MAX_ZOOM = 14;
const EXTENT = 4096;

const ATTRIBUTION = 'Kontrolla demo basemap: simplified outline and municipality seats';

/** The most populous seats are labelled from further out, as a basemap ranks its places. */
function populationRank(population: number): number {
	if (population >= 150_000) return 12;
	if (population >= 80_000) return 11;
	if (population >= 40_000) return 10;
	return 9;
}

function outlineFeature(): Feature<Polygon> {
	const collection = outlineData as FeatureCollection;
	const feature = collection.features.find((candidate) => candidate.geometry.type === 'Polygon');
	if (!feature) throw new Error('no polygon in the outline');
	return feature as Feature<Polygon>;
}

function layers(outline: Feature<Polygon>) {
	const earth: FeatureCollection = {
		type: 'FeatureCollection',
		features: [{ type: 'Feature', properties: { kind: 'earth' }, geometry: outline.geometry }]
	};
	const boundaries: FeatureCollection = {
		type: 'FeatureCollection',
		features: outline.geometry.coordinates.map((ring) => ({
			type: 'Feature',
			properties: { kind: 'country', kind_detail: 2 },
			geometry: { type: 'LineString', coordinates: ring }
		}))
	};
	const places: FeatureCollection = {
		type: 'FeatureCollection',
		features: municipalities.map((municipality) => ({
			type: 'Feature',
			properties: {
				kind: 'locality',
				kind_detail: municipality.population >= 80_000 ? 'city' : 'town',
				name: municipality.nameSq,
				'name:sq': municipality.nameSq,
				'name:sr': municipality.nameSr,
				'name:en': municipality.nameEn,
				population: municipality.population,
				population_rank: populationRank(municipality.population),
				min_zoom: municipality.population >= 80_000 ? 7 : 9
			},
			geometry: { type: 'Point', coordinates: [municipality.lng, municipality.lat] }
		}))
	};
	return { earth, boundaries, places };
}

function boundsOf(outline: Feature<Polygon>) {
	const points = outline.geometry.coordinates.flat();
	const lngs = points.map((point) => point[0]!);
	const lats = points.map((point) => point[1]!);
	return { minLon: Math.min(...lngs), minLat: Math.min(...lats), maxLon: Math.max(...lngs), maxLat: Math.max(...lats) };
}

/** The archive's bytes; the same input always gives the same bytes. */
export function buildDemoArchive(maxZoom = DEMO_MAX_ZOOM): Uint8Array {
	const outline = outlineFeature();
	const sources = layers(outline);
	const options = { maxZoom, indexMaxZoom: 5, tolerance: 3, extent: EXTENT, buffer: 64 };
	const indexes = Object.entries(sources).map(([name, data]) => [name, new GeoJSONVT(data, options)] as const);
	const bounds = boundsOf(outline);
	const tiles: TileInput[] = [];
	for (let z = 0; z <= maxZoom; z++) {
		for (let x = tileX(bounds.minLon, z); x <= tileX(bounds.maxLon, z); x++) {
			for (let y = tileY(bounds.maxLat, z); y <= tileY(bounds.minLat, z); y++) {
				const present = Object.fromEntries(
					indexes.flatMap(([name, index]) => {
						const tile = index.getTile(z, x, y);
						return tile && tile.features.length > 0 ? [[name, tile] as const] : [];
					})
				);
				if (Object.keys(present).length === 0) continue;
				const encoded = fromGeojsonVt(present, { version: 2, extent: EXTENT });
				tiles.push({ z, x, y, data: gzipSync(encoded, { mtime: 0, level: 9 }) });
			}
		}
	}
	return writeArchive(tiles, {
		tileType: TileType.Mvt,
		tileCompression: Compression.Gzip,
		bounds,
		center: { lon: 20.9, lat: 42.6, zoom: 8 },
		metadata: {
			name: 'Kontrolla demo basemap',
			description: 'Country outline and municipality seats, for the demo and the tests.',
			attribution: ATTRIBUTION,
			type: 'baselayer',
			vector_layers: [
				{ id: 'earth', fields: { kind: 'String' }, minzoom: 0, maxzoom: maxZoom },
				{ id: 'boundaries', fields: { kind: 'String', kind_detail: 'Number' }, minzoom: 0, maxzoom: maxZoom },
				{
					id: 'places',
					fields: { kind: 'String', name: 'String', population: 'Number', population_rank: 'Number' },
					minzoom: 0,
					maxzoom: maxZoom
				}
			]
		}
	});
}

/**
 * Writes the demo archive to `filePath` unless it is there already. Written beside and renamed, so
 * a server reading the file never sees half of it.
 */
export function ensureDemoBasemap(filePath: string): void {
	if (fs.existsSync(filePath)) return;
	fs.mkdirSync(path.dirname(filePath), { recursive: true });
	const partial = `${filePath}.${process.pid}.partial`;
	fs.writeFileSync(partial, buildDemoArchive());
	fs.renameSync(partial, filePath);
}
