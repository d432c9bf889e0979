/**
 * The register as a file: the venues the map's filters select (or the child sites), as CSV that
 * Excel opens correctly (UTF-8 with a byte-order mark) or as GeoJSON. Columns match the import's,
 * so an exported file can be corrected and imported into another deployment.
 */
import { isNull } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { locations } from '../db/schema.ts';
import { toCsv, type Cell } from '../../domain/csv.ts';
import { matchesMapFilters, type MapFilters } from '../../domain/register/mapFilters.ts';
import type { ImportLayer } from '../../domain/register/importRows.ts';
import { mapData } from './mapVenues.ts';

export const exportFormats = ['csv', 'geojson'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export type RegisterFile = { body: string; contentType: string; filename: string; count: number };

type Table = { header: string[]; rows: Cell[][]; points: { lat: number; lng: number }[] };

export async function exportRegister(
	db: Db,
	layer: ImportLayer,
	format: ExportFormat,
	filters: MapFilters,
	now: Date
): Promise<RegisterFile> {
	const data = await mapData(db);
	const codes = new Map(data.municipalities.map((m) => [m.id, m]));
	let table: Table;
	if (layer === 'venues') {
		const extra = new Map(
			(
				await db
					.select({ id: locations.id, businessRegNo: locations.businessRegNo, statusReason: locations.statusReason })
					.from(locations)
					.where(isNull(locations.deletedAt))
			).map((row) => [row.id, row])
		);
		const venues = data.venues.filter((venue) => matchesMapFilters(venue, filters, now));
		table = {
			header: [
				'id',
				'name',
				'kind',
				'status',
				'status_reason',
				'municipality',
				'municipality_name',
				'address',
				'lat',
				'lng',
				'business_reg_no',
				'last_inspected_at',
				'near_children',
				'nearest_child_site',
				'distance_m'
			],
			rows: venues.map((venue) => [
				venue.id,
				venue.name,
				venue.kind,
				venue.status,
				extra.get(venue.id)?.statusReason ?? '',
				codes.get(venue.municipalityId)?.code ?? '',
				venue.municipality.en,
				venue.address,
				venue.lat,
				venue.lng,
				extra.get(venue.id)?.businessRegNo ?? '',
				venue.lastInspectedAt ?? '',
				venue.nearChildren ? 'yes' : 'no',
				venue.nearChildren?.siteName ?? '',
				venue.nearChildren?.distanceMetres ?? null
			]),
			points: venues
		};
	} else {
		const sites = data.childSites.filter(
			(site) => !filters.municipalityId || site.municipalityId === filters.municipalityId
		);
		table = {
			header: ['id', 'name', 'kind', 'municipality', 'municipality_name', 'address', 'lat', 'lng'],
			rows: sites.map((site) => [
				site.id,
				site.name,
				site.kind,
				codes.get(site.municipalityId)?.code ?? '',
				codes.get(site.municipalityId)?.en ?? '',
				site.address,
				site.lat,
				site.lng
			]),
			points: sites
		};
	}
	const filename = `kontrolla-${layer === 'venues' ? 'venues' : 'child-sites'}-${now.toISOString().slice(0, 10)}`;
	if (format === 'csv') {
		return {
			body: toCsv(table.header, table.rows),
			contentType: 'text/csv; charset=utf-8',
			filename: `${filename}.csv`,
			count: table.rows.length
		};
	}
	const features = table.rows.map((row, index) => {
		const point = table.points[index] as { lat: number; lng: number };
		return {
			type: 'Feature',
			// RFC 7946: longitude first.
			geometry: { type: 'Point', coordinates: [point.lng, point.lat] },
			properties: Object.fromEntries(table.header.map((name, column) => [name, row[column] ?? null]))
		};
	});
	return {
		body: JSON.stringify({ type: 'FeatureCollection', features }),
		contentType: 'application/geo+json; charset=utf-8',
		filename: `${filename}.geojson`,
		count: features.length
	};
}
