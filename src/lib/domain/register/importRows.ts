/**
 * Reading an import of venues or child sites (CSV or GeoJSON) into rows the register accepts,
 * with every problem named by its row and field, so a planner can fix the file and try again.
 * Nothing here writes: the server previews this result, and writes only when it has no errors.
 */
import { z } from 'zod';
import type { Bounds } from '../geo/bounds.ts';
import { readCsv } from '../csvRead.ts';
import { normaliseName } from './duplicates.ts';
import { childSiteSchema, venueSchema, type ChildSiteFields, type VenueFields } from './venue.ts';

export const importLayers = ['venues', 'childSites'] as const;
export type ImportLayer = (typeof importLayers)[number];
export const importFormats = ['csv', 'geojson'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** Large enough for a national register, small enough to check and write in one transaction. */
export const MAX_IMPORT_ROWS = 50_000;

/** `row` is the spreadsheet row (the header is row 1) or the 1-based GeoJSON feature. */
export type RowError = { row: number; field: string; message: string };

export type MunicipalityRef = { id: string; code: string; nameSq: string; nameSr: string; nameEn: string };

export type ImportRow<T> = { row: number; data: T };

export type ParsedImport =
	| { layer: 'venues'; rows: ImportRow<VenueFields>[]; errors: RowError[]; fileError: string | null }
	| { layer: 'childSites'; rows: ImportRow<ChildSiteFields>[]; errors: RowError[]; fileError: string | null };

type RawRecord = { row: number; values: Record<string, string | number | null | undefined> };

// Column names as registers spell them, mapped to the register's fields.
const aliases: Record<string, string> = {
	name: 'name',
	emri: 'name',
	naziv: 'name',
	kind: 'kind',
	type: 'kind',
	municipality: 'municipality',
	komuna: 'municipality',
	opstina: 'municipality',
	address: 'address',
	adresa: 'address',
	lat: 'lat',
	latitude: 'lat',
	lng: 'lng',
	lon: 'lng',
	long: 'lng',
	longitude: 'lng',
	business_reg_no: 'businessRegNo',
	businessregno: 'businessRegNo',
	risk_notes: 'riskNotes',
	risknotes: 'riskNotes',
	owner: 'ownerName',
	owner_name: 'ownerName',
	ownername: 'ownerName',
	pronari: 'ownerName',
	vlasnik: 'ownerName',
	manager: 'managerName',
	manager_name: 'managerName',
	managername: 'managerName',
	menaxheri: 'managerName',
	menadzer: 'managerName',
	phone: 'phone',
	telephone: 'phone',
	telefoni: 'phone',
	telefon: 'phone'
};

const requiredColumns = ['name', 'kind', 'municipality', 'lat', 'lng'] as const;

function fieldOf(column: string): string {
	const key = column
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_');
	return aliases[key] ?? aliases[key.replaceAll('_', '')] ?? key;
}

/** "42.66", "42,66" (decimal comma) or a JSON number; blank is missing, anything else is not a number. */
function toNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return value;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const text = value.trim().replace(/^(-?\d+),(\d+)$/, '$1.$2');
	return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

function toText(value: unknown): string | undefined {
	if (value === null || value === undefined) return undefined;
	return String(value);
}

function csvRecords(text: string): { records: RawRecord[]; fileError: string | null } {
	const [header, ...body] = readCsv(text);
	if (!header) return { records: [], fileError: 'the file is empty' };
	const fields = header.cells.map(fieldOf);
	const missing = requiredColumns.filter((column) => !fields.includes(column));
	if (missing.length)
		return { records: [], fileError: `missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}` };
	const records = body.map(({ line, cells }) => ({
		row: line,
		values: Object.fromEntries(fields.map((field, index) => [field, cells[index]]))
	}));
	return { records, fileError: null };
}

function geoJsonRecords(text: string): { records: RawRecord[]; fileError: string | null } {
	let document: unknown;
	try {
		document = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
	} catch {
		return { records: [], fileError: 'the file is not valid JSON' };
	}
	const features = (document as { type?: unknown; features?: unknown })?.features;
	if ((document as { type?: unknown })?.type !== 'FeatureCollection' || !Array.isArray(features)) {
		return { records: [], fileError: 'the file is not a GeoJSON FeatureCollection' };
	}
	const records = features.map((feature: unknown, index: number) => {
		const { geometry, properties } = (feature ?? {}) as {
			geometry?: { type?: unknown; coordinates?: unknown };
			properties?: unknown;
		};
		const values: RawRecord['values'] = {};
		for (const [key, value] of Object.entries((properties ?? {}) as Record<string, unknown>)) {
			values[fieldOf(key)] = typeof value === 'number' ? value : toText(value);
		}
		// GeoJSON orders a position longitude first (RFC 7946).
		const coordinates = geometry?.type === 'Point' && Array.isArray(geometry.coordinates) ? geometry.coordinates : null;
		values.lng = coordinates ? (coordinates[0] as number) : undefined;
		values.lat = coordinates ? (coordinates[1] as number) : undefined;
		return { row: index + 1, values };
	});
	return { records, fileError: null };
}

/** Municipalities by code or by any of their three names, ignoring case and diacritics. */
export function municipalityResolver(municipalities: readonly MunicipalityRef[]): (name: string) => string | undefined {
	const byKey = new Map<string, string>();
	for (const municipality of municipalities) {
		for (const name of [municipality.code, municipality.nameSq, municipality.nameSr, municipality.nameEn]) {
			byKey.set(normaliseName(name), municipality.id);
		}
	}
	return (name) => byKey.get(normaliseName(name));
}

export function parseImport(
	layer: ImportLayer,
	format: ImportFormat,
	text: string,
	context: { bounds: Bounds; municipalities: readonly MunicipalityRef[] }
): ParsedImport {
	const { records, fileError } = format === 'csv' ? csvRecords(text) : geoJsonRecords(text);
	const tooMany = records.length > MAX_IMPORT_ROWS ? `at most ${MAX_IMPORT_ROWS} rows in one import` : null;
	if (fileError || tooMany || records.length === 0) {
		return { layer, rows: [], errors: [], fileError: fileError ?? tooMany ?? 'the file has no rows' } as ParsedImport;
	}
	const resolveMunicipality = municipalityResolver(context.municipalities);
	const schema: z.ZodType = layer === 'venues' ? venueSchema(context.bounds) : childSiteSchema(context.bounds);
	const rows: ImportRow<unknown>[] = [];
	const errors: RowError[] = [];
	for (const { row, values } of records) {
		const municipalityName = toText(values.municipality)?.trim() ?? '';
		const municipalityId = municipalityName ? resolveMunicipality(municipalityName) : undefined;
		const rowErrors: RowError[] = [];
		if (!municipalityName) rowErrors.push({ row, field: 'municipality', message: 'municipality is required' });
		else if (!municipalityId)
			rowErrors.push({ row, field: 'municipality', message: `unknown municipality "${municipalityName}"` });
		const candidate = {
			name: toText(values.name) ?? '',
			kind: toText(values.kind)
				?.trim()
				.toLowerCase()
				.replace(/[\s/-]+/g, '_'),
			// A placeholder id keeps the schema's own municipality message out of the way of the one above.
			municipalityId: municipalityId ?? '00000000-0000-4000-8000-000000000000',
			address: toText(values.address),
			lat: toNumber(values.lat),
			lng: toNumber(values.lng),
			businessRegNo: toText(values.businessRegNo),
			riskNotes: toText(values.riskNotes),
			ownerName: toText(values.ownerName),
			managerName: toText(values.managerName),
			phone: toText(values.phone)
		};
		const parsed = schema.safeParse(candidate);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const field = String(issue.path[0] ?? 'row');
				// Blank cells read as undefined, for which zod's own message names the type, not the field.
				const message =
					candidate[field as keyof typeof candidate] === undefined && field !== 'row'
						? `${fieldLabel(field)} is required`
						: issue.message;
				if (!rowErrors.some((error) => error.field === field)) rowErrors.push({ row, field, message });
			}
		}
		if (rowErrors.length) errors.push(...rowErrors);
		else if (parsed.success) rows.push({ row, data: parsed.data });
	}
	return { layer, rows, errors, fileError: null } as ParsedImport;
}

function fieldLabel(field: string): string {
	return field === 'lat' ? 'latitude' : field === 'lng' ? 'longitude' : field;
}

/** The body of an import request: previewed unless `confirm`, and then written all or nothing. */
export const importRequestSchema = z.object({
	layer: z.enum(importLayers, { message: 'choose venues or places used by children' }),
	format: z.enum(importFormats, { message: 'choose CSV or GeoJSON' }),
	text: z.string().min(1, 'choose a file').max(20_000_000, 'the file is too large'),
	confirm: z.boolean().optional().default(false)
});
export type ImportRequest = z.output<typeof importRequestSchema>;
