/**
 * How the self-hosted vector basemap is drawn: a light, quiet map for night use on a phone, so the
 * venue dots (Okabe–Ito colours with white rims, style.ts) stay the loudest thing on it. Roads are
 * white with dark casings (readable in sunlight and at low brightness), text is near-black with a
 * white halo, and nothing uses the venues' orange, pink or blue. Rules follow the Protomaps
 * basemap schema (earth, water, landcover, landuse, roads, buildings, boundaries, places), which
 * both the demo archive and a country archive cut from the Protomaps build use. Labels show the
 * local `name`, as the street signs do.
 */
import {
	CenteredTextSymbolizer,
	exp,
	LineLabelSymbolizer,
	LineSymbolizer,
	PolygonSymbolizer,
	type Feature,
	type LabelRule,
	type PaintRule
} from 'protomaps-leaflet';

export const basemapColours = {
	background: '#dde3ea',
	earth: '#f6f4ee',
	water: '#9cc3e4',
	green: '#e3ecd9',
	urban: '#ebe7df',
	building: '#d9d3c8',
	roadCasing: '#8a94a0',
	majorCasing: '#5d6773',
	road: '#ffffff',
	highway: '#fff3c4',
	rail: '#9aa1a9',
	boundary: '#4b3f72',
	text: '#1b1f24',
	halo: '#ffffff'
} as const;

const kind = (feature: Feature) => String(feature.props.kind ?? '');
const isKind =
	(...kinds: string[]) =>
	(_zoom: number, feature: Feature) =>
		kinds.includes(kind(feature));

const FONT = 'system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif';

export const paintRules: PaintRule[] = [
	{ dataLayer: 'earth', symbolizer: new PolygonSymbolizer({ fill: basemapColours.earth }) },
	{
		dataLayer: 'landcover',
		symbolizer: new PolygonSymbolizer({ fill: basemapColours.green, opacity: 0.7 })
	},
	{
		dataLayer: 'landuse',
		filter: isKind('park', 'forest', 'wood', 'nature_reserve', 'grass', 'cemetery', 'pitch', 'farmland'),
		symbolizer: new PolygonSymbolizer({ fill: basemapColours.green })
	},
	{
		dataLayer: 'landuse',
		filter: isKind('residential', 'commercial', 'industrial', 'retail', 'school', 'hospital', 'university'),
		symbolizer: new PolygonSymbolizer({ fill: basemapColours.urban })
	},
	{ dataLayer: 'water', symbolizer: new PolygonSymbolizer({ fill: basemapColours.water }) },
	{
		dataLayer: 'water',
		filter: (_zoom, feature) => feature.geomType === 2,
		symbolizer: new LineSymbolizer({
			color: basemapColours.water,
			width: exp(1.4, [
				[9, 0.5],
				[16, 4]
			])
		})
	},
	{
		dataLayer: 'buildings',
		minzoom: 14,
		symbolizer: new PolygonSymbolizer({ fill: basemapColours.building, stroke: '#c4bcaf', width: 0.5 })
	},
	// Casings first, then fills, so crossings read as one network.
	{
		dataLayer: 'roads',
		minzoom: 12,
		filter: isKind('minor_road', 'other'),
		symbolizer: new LineSymbolizer({
			color: basemapColours.roadCasing,
			width: exp(1.6, [
				[12, 1.5],
				[17, 12]
			])
		})
	},
	{
		dataLayer: 'roads',
		filter: isKind('major_road', 'highway'),
		symbolizer: new LineSymbolizer({
			color: basemapColours.majorCasing,
			width: exp(1.6, [
				[7, 1.5],
				[17, 18]
			])
		})
	},
	{
		dataLayer: 'roads',
		minzoom: 14,
		filter: isKind('path'),
		symbolizer: new LineSymbolizer({ color: basemapColours.roadCasing, width: 1, dash: [3, 2] })
	},
	{
		dataLayer: 'roads',
		minzoom: 12,
		filter: isKind('minor_road', 'other'),
		symbolizer: new LineSymbolizer({
			color: basemapColours.road,
			width: exp(1.6, [
				[12, 0.75],
				[17, 10]
			])
		})
	},
	{
		dataLayer: 'roads',
		filter: isKind('major_road'),
		symbolizer: new LineSymbolizer({
			color: basemapColours.road,
			width: exp(1.6, [
				[7, 0.75],
				[17, 15]
			])
		})
	},
	{
		dataLayer: 'roads',
		filter: isKind('highway'),
		symbolizer: new LineSymbolizer({
			color: basemapColours.highway,
			width: exp(1.6, [
				[7, 1],
				[17, 15]
			])
		})
	},
	{
		dataLayer: 'transit',
		filter: isKind('rail'),
		symbolizer: new LineSymbolizer({ color: basemapColours.rail, width: 1.5, dash: [6, 3] })
	},
	{
		dataLayer: 'boundaries',
		filter: (_zoom, feature) => Number(feature.props.kind_detail ?? 2) <= 4 || kind(feature) === 'country',
		symbolizer: new LineSymbolizer({ color: basemapColours.boundary, width: 2, dash: [6, 3], opacity: 0.8 })
	}
];

const halo = { fill: basemapColours.text, stroke: basemapColours.halo, width: 3, fontFamily: FONT };

export const labelRules: LabelRule[] = [
	{
		dataLayer: 'places',
		filter: isKind('locality'),
		// Larger places first, so they win the space when labels collide.
		sort: (a, b) => Number(b.population_rank ?? 0) - Number(a.population_rank ?? 0),
		symbolizer: new CenteredTextSymbolizer({
			...halo,
			labelProps: ['name'],
			fontWeight: 700,
			fontSize: (zoom, feature) => (Number(feature?.props.population_rank ?? 0) >= 11 ? 16 : 14) + (zoom >= 13 ? 2 : 0)
		})
	},
	{
		dataLayer: 'places',
		minzoom: 13,
		filter: isKind('neighbourhood', 'macrohood'),
		symbolizer: new CenteredTextSymbolizer({ ...halo, labelProps: ['name'], fontSize: 13, fontWeight: 600 })
	},
	{
		dataLayer: 'roads',
		minzoom: 14,
		symbolizer: new LineLabelSymbolizer({ ...halo, labelProps: ['name'], fontSize: 13, fontWeight: 600 })
	}
];
