import { z } from 'zod';
import { readMapFilters } from '$lib/domain/register/mapFilters.ts';
import { importLayers } from '$lib/domain/register/importRows.ts';
import { db } from '$lib/server/db/index.ts';
import { audit } from '$lib/server/audit/log.ts';
import { errorResponse } from '$lib/server/http.ts';
import { exportFormats, exportRegister } from '$lib/server/register/export.ts';
import type { RequestHandler } from './$types';

const outputSchema = z.object({
	format: z.enum(exportFormats, { message: 'format must be csv or geojson' }),
	layer: z.enum(importLayers).default('venues')
});

export const GET: RequestHandler = async ({ url, locals }) => {
	const output = outputSchema.safeParse({ format: url.searchParams.get('format'), layer: url.searchParams.get('layer') ?? undefined });
	if (!output.success) {
		const issue = output.error.issues[0];
		return errorResponse(400, issue?.message ?? 'invalid', String(issue?.path[0] ?? 'format'));
	}
	const filters = readMapFilters(url.searchParams);
	const database = await db();
	const file = await exportRegister(database, output.data.layer, output.data.format, filters, new Date());
	await audit(database, {
		userId: locals.user!.id,
		action: 'register.export',
		summary: `layer=${output.data.layer} format=${output.data.format} rows=${file.count} filters=${url.searchParams.toString()}`
	});
	return new Response(file.body, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.filename}"`,
			'cache-control': 'no-store'
		}
	});
};
