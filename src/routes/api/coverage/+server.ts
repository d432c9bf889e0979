import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { coverageFiltersSchema } from '$lib/domain/coverage/filters.ts';
import { reportingToday } from '$lib/server/coverage/counted.ts';
import { exportTable, exportTableSchema } from '$lib/domain/coverage/tables.ts';
import { toCsv } from '$lib/domain/csv.ts';
import { db } from '$lib/server/db/index.ts';
import { auditExport } from '$lib/server/privacy/exports.ts';
import { purposeSchema } from '$lib/domain/privacy/purposes.ts';
import { coverageReport } from '$lib/server/coverage/index.ts';
import { handleErrors, readQuery } from '$lib/server/http.ts';
import type { RequestHandler } from './$types';

// Without a format (or with an empty one) the answer is the report as JSON.
const exportSchema = z.preprocess(
	(query: Record<string, string>) => ({ ...query, format: query.format || 'json' }),
	z.discriminatedUnion('format', [
		z.object({ format: z.literal('json') }),
		z.object({ format: z.literal('csv'), table: exportTableSchema, ...purposeSchema.shape })
	])
);

export const GET: RequestHandler = ({ url, locals }) =>
	handleErrors(async () => {
		const filters = readQuery(url, coverageFiltersSchema);
		const output = readQuery(url, exportSchema);
		const database = await db();
		const today = reportingToday();
		const headers = { 'cache-control': 'no-store' };
		if (output.format === 'json') return json(await coverageReport(database, filters, today), { headers });

		// Every table is counts (or venues): no person's tagged field is in it, whatever the purpose;
		// the purpose is still required and recorded (domain/privacy/purposes.ts).
		const { table, purpose } = output;
		const report = await coverageReport(database, filters, today, { overdueLimit: null });
		const { header, rows } = exportTable(report, table);
		const described = new URLSearchParams({ ...report.period, ...stringValues(report.filters) }).toString();
		await auditExport(database, {
			userId: locals.user!.id,
			action: 'coverage.export',
			purpose,
			parts: [{ table: `coverage.${table}`, count: rows.length }],
			extra: `format=csv filters=${described}`
		});
		return new Response(toCsv(header, rows), {
			headers: {
				...headers,
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="kontrolla-${table}-${report.period.from}-${report.period.to}.csv"`
			}
		});
	});

function stringValues(values: Record<string, unknown>): Record<string, string> {
	return Object.fromEntries(
		Object.entries(values)
			.filter(([, v]) => v !== undefined)
			.map(([k, v]) => [k, String(v)])
	);
}
