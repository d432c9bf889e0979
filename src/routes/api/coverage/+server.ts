import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { coverageFiltersSchema, REPORTING_TIME_ZONE, todayIn } from '$lib/domain/coverage/filters.ts';
import { exportTable, exportTableSchema } from '$lib/domain/coverage/tables.ts';
import { toCsv } from '$lib/domain/csv.ts';
import { db } from '$lib/server/db/index.ts';
import { audit } from '$lib/server/audit/log.ts';
import { coverageReport } from '$lib/server/coverage/index.ts';
import { errorResponse } from '$lib/server/http.ts';
import type { RequestHandler } from './$types';

const exportSchema = z.discriminatedUnion('format', [
	z.object({ format: z.literal('json') }),
	z.object({ format: z.literal('csv'), table: exportTableSchema })
]);

function firstIssue(error: z.ZodError, fallback: string): Response {
	const issue = error.issues[0];
	const field = String(issue?.path[0] ?? fallback);
	return errorResponse(400, `${field}: ${issue?.message ?? 'invalid'}`, field);
}

export const GET: RequestHandler = async ({ url, locals }) => {
	const query = Object.fromEntries(url.searchParams);
	const filters = coverageFiltersSchema.safeParse(query);
	if (!filters.success) return firstIssue(filters.error, 'filters');
	const output = exportSchema.safeParse({ format: query.format || 'json', table: query.table });
	if (!output.success) return firstIssue(output.error, 'format');

	const database = await db();
	const today = todayIn(REPORTING_TIME_ZONE);
	const headers = { 'cache-control': 'no-store' };
	if (output.data.format === 'json') return json(await coverageReport(database, filters.data, today), { headers });

	const { table } = output.data;
	const report = await coverageReport(database, filters.data, today, { overdueLimit: null });
	const { header, rows } = exportTable(report, table);
	const described = new URLSearchParams({ ...report.period, ...stringValues(report.filters) }).toString();
	await audit(database, { userId: locals.user!.id, action: 'coverage.export', summary: `format=csv table=${table} filters=${described}` });
	return new Response(toCsv(header, rows), {
		headers: {
			...headers,
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="kontrolla-${table}-${report.period.from}-${report.period.to}.csv"`
		}
	});
};

function stringValues(values: Record<string, unknown>): Record<string, string> {
	return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
}
