import { describe, expect, it } from 'vitest';
import { DEFAULT_DEPLOYMENT_BOUNDS } from '../../src/lib/domain/geo/bounds.ts';
import { readCsv } from '../../src/lib/domain/csvRead.ts';
import { toCsv } from '../../src/lib/domain/csv.ts';
import { parseImport, type MunicipalityRef } from '../../src/lib/domain/register/importRows.ts';

const municipalities: MunicipalityRef[] = [
	{
		id: '11111111-1111-4111-8111-111111111111',
		code: 'prishtine',
		nameSq: 'Prishtinë',
		nameSr: 'Priština',
		nameEn: 'Pristina'
	},
	{
		id: '22222222-2222-4222-8222-222222222222',
		code: 'fushe-kosove',
		nameSq: 'Fushë Kosovë',
		nameSr: 'Kosovo Polje',
		nameEn: 'Fushë Kosova'
	}
];
const context = { bounds: DEFAULT_DEPLOYMENT_BOUNDS, municipalities };

describe('reading CSV', () => {
	it('reads quoted cells with commas, quotes and line breaks, and numbers records by their first line', () => {
		const records = readCsv('name,address\r\n"Bar ""Roma""","Rr. 1, Prishtinë"\r\n"Two\nlines",x\r\n');
		expect(records.map((r) => r.cells)).toEqual([
			['name', 'address'],
			['Bar "Roma"', 'Rr. 1, Prishtinë'],
			['Two\nlines', 'x']
		]);
		expect(records.map((r) => r.line)).toEqual([1, 2, 3]);
	});

	it('drops the byte-order mark and blank lines, and reads what the CSV writer wrote', () => {
		const written = toCsv(['name', 'lat'], [['Kafe Ëndrra', 42.5]]);
		expect(readCsv(`${written}\r\n`).map((r) => r.cells)).toEqual([
			['name', 'lat'],
			['Kafe Ëndrra', '42.5']
		]);
	});

	it('reads the semicolons Excel writes where the decimal separator is a comma', () => {
		expect(readCsv('name;lat\nBar;42,66\n').map((r) => r.cells)).toEqual([
			['name', 'lat'],
			['Bar', '42,66']
		]);
	});
});

describe('importing venues from CSV', () => {
	const header = 'name,kind,municipality,address,lat,lng';

	it('accepts rows whose municipality is named in any language or by code', () => {
		const csv = [
			header,
			'Bar A,bar,Prishtinë,,42.66,21.16',
			'Bar B,night_club,Kosovo Polje,,42.64,21.09',
			'Bar C,Bar,prishtine,,"42,65",21.15'
		].join('\n');
		const result = parseImport('venues', 'csv', csv, context);
		expect(result.errors).toEqual([]);
		expect(result.rows.map((r) => [r.row, r.data.municipalityId])).toEqual([
			[2, municipalities[0]!.id],
			[3, municipalities[1]!.id],
			[4, municipalities[0]!.id]
		]);
		expect(result.rows[2]!.data.lat).toBe(42.65);
	});

	it('names the row and the field of every problem, counting the header as row 1', () => {
		const csv = [
			header,
			'Bar A,bar,Prishtinë,,42.66,21.16',
			',bar,Prishtinë,,42.66,21.16',
			'Bar C,casino,Atlantis,,42.66,21.16',
			'Bar D,bar,Prishtinë,,142.66,21.16',
			'Bar E,bar,Prishtinë,,,21.16',
			'Bar F,bar,Prishtinë,,north,21.16'
		].join('\n');
		const { rows, errors } = parseImport('venues', 'csv', csv, context);
		expect(rows.map((r) => r.row)).toEqual([2]);
		expect(errors.map((e) => [e.row, e.field])).toEqual([
			[3, 'name'],
			[4, 'municipality'],
			[4, 'kind'],
			[5, 'lat'],
			[6, 'lat'],
			[7, 'lat']
		]);
		expect(errors.find((e) => e.row === 4 && e.field === 'municipality')!.message).toContain('Atlantis');
		expect(errors.find((e) => e.row === 6)!.message).toBe('latitude is required');
	});

	it('reads the owner, manager and phone under English or Albanian headers, and names a bad phone', () => {
		const csv = [
			'name,kind,municipality,lat,lng,pronari,Manager,telefoni',
			'Bar A,bar,Prishtinë,42.66,21.16,Arbën Çela,Drita Hoxha,+383 44 123 456',
			'Bar B,bar,Prishtinë,42.66,21.16,,,call him'
		].join('\n');
		const { rows, errors } = parseImport('venues', 'csv', csv, context);
		expect(rows[0]!.data).toMatchObject({
			ownerName: 'Arbën Çela',
			managerName: 'Drita Hoxha',
			phone: '+383 44 123 456'
		});
		expect(errors.map((error) => [error.row, error.field])).toEqual([[3, 'phone']]);
	});

	it('refuses a file without the required columns as a whole', () => {
		const result = parseImport('venues', 'csv', 'name,kind\nBar,bar\n', context);
		expect(result.fileError).toBe('missing columns: municipality, lat, lng');
		expect(result.rows).toEqual([]);
	});

	it('refuses an empty file', () => {
		expect(parseImport('venues', 'csv', '', context).fileError).toBeTruthy();
		expect(parseImport('venues', 'csv', `${header}\n`, context).fileError).toBe('the file has no rows');
	});
});

describe('importing child sites from GeoJSON', () => {
	const feature = (name: string, kind: string, coordinates: unknown) => ({
		type: 'Feature',
		geometry: { type: 'Point', coordinates },
		properties: { name, kind, municipality: 'Pristina' }
	});

	it('reads points longitude first, and numbers rows by feature', () => {
		const text = JSON.stringify({
			type: 'FeatureCollection',
			features: [
				feature('Shkolla Naim Frashëri', 'school', [21.16, 42.66]),
				feature('Kopshti', 'kindergarten', [42.66, 21.16])
			]
		});
		const result = parseImport('childSites', 'geojson', text, context);
		expect(result.rows).toHaveLength(1);
		expect(result.rows[0]!.data).toMatchObject({ name: 'Shkolla Naim Frashëri', lat: 42.66, lng: 21.16 });
		expect(result.errors.map((e) => [e.row, e.field])).toEqual([[2, 'lat']]);
	});

	it('treats a feature without a point as missing coordinates', () => {
		const text = JSON.stringify({
			type: 'FeatureCollection',
			features: [
				{ type: 'Feature', geometry: null, properties: { name: 'X', kind: 'school', municipality: 'Pristina' } }
			]
		});
		expect(parseImport('childSites', 'geojson', text, context).errors.map((e) => e.field)).toEqual(['lat', 'lng']);
	});

	it('refuses text that is not a FeatureCollection', () => {
		expect(parseImport('childSites', 'geojson', '{"type":"Feature"}', context).fileError).toMatch(/FeatureCollection/);
		expect(parseImport('childSites', 'geojson', 'not json', context).fileError).toMatch(/JSON/);
	});
});
