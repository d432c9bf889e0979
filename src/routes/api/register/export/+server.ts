import { z } from 'zod';
import { readMapFilters } from '$lib/domain/register/mapFilters.ts';
import { importLayers } from '$lib/domain/register/importRows.ts';
import { db } from '$lib/server/db/index.ts';
import { auditExport } from '$lib/server/privacy/exports.ts';
import { purposeSchema } from '$lib/domain/privacy/purposes.ts';
import { handleErrors, readQuery } from '$lib/server/http.ts';
import { exportFormats, exportRegister } from '$lib/server/register/export.ts';
import type { RequestHandler } from './$types';

const outputSchema = z.object({
	format: z.enum(exportFormats, { message: 'format must be csv or geojson' }),
	layer: z.enum(importLayers).default('venues'),
	...purposeSchema.shape
});

export const GET: RequestHandler = ({ url, locals }) =>
	handleErrors(async () => {
		const output = readQuery(url, outputSchema);
		const filters = readMapFilters(url.searchParams);
		const database = await db();
		const file = await exportRegister(database, output.layer, output.format, filters, new Date());
		// Venues and child sites: about places, no tagged field (domain/privacy/purposes.ts).
		await auditExport(database, {
			userId: locals.user!.id,
			action: 'register.export',
			purpose: output.purpose,
			parts: [{ table: `register.${output.layer}`, count: file.count }],
			extra: `format=${output.format} filters=${url.searchParams.toString()}`
		});
		return new Response(file.body, {
			headers: {
				'content-type': file.contentType,
				'content-disposition': `attachment; filename="${file.filename}"`,
				'cache-control': 'no-store'
			}
		});
	});
