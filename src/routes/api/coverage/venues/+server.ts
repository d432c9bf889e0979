import { json } from '@sveltejs/kit';
import { coverageFiltersSchema, resolvePeriod } from '$lib/domain/coverage/filters.ts';
import { reportingToday } from '$lib/server/coverage/counted.ts';
import { filterQuery } from '$lib/domain/coverage/query.ts';
import { venuesGeoJson } from '$lib/domain/coverage/venues.ts';
import { db } from '$lib/server/db/index.ts';
import { auditExport } from '$lib/server/privacy/exports.ts';
import { purposeSchema } from '$lib/domain/privacy/purposes.ts';
import { venueCoverage } from '$lib/server/coverage/venues.ts';
import { handleErrors, readQuery } from '$lib/server/http.ts';
import type { RequestHandler } from './$types';

/** GET /api/coverage/venues: every venue of the selection with its coverage attributes, as GeoJSON. */
export const GET: RequestHandler = ({ url, locals }) =>
	handleErrors(async () => {
		const filters = readQuery(url, coverageFiltersSchema);
		const { purpose } = readQuery(url, purposeSchema);
		const database = await db();
		const period = resolvePeriod(filters, reportingToday());
		const venues = await venueCoverage(database, { period, filters });
		const described = filterQuery({ ...filters, preset: undefined, ...period });
		await auditExport(database, {
			userId: locals.user!.id,
			action: 'coverage.export',
			purpose,
			parts: [{ table: 'coverage.venues', count: venues.length }],
			extra: `format=geojson filters=${described}`
		});
		return json(venuesGeoJson(venues, period, filters.overdueDays), {
			headers: {
				'cache-control': 'no-store',
				'content-type': 'application/geo+json',
				'content-disposition': `attachment; filename="kontrolla-venues-${period.from}-${period.to}.geojson"`
			}
		});
	});
