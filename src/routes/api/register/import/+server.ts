import { json } from '@sveltejs/kit';
import { importRequestSchema } from '$lib/domain/register/importRows.ts';
import { db } from '$lib/server/db/index.ts';
import { handleErrors, readJson } from '$lib/server/http.ts';
import { importRegister } from '$lib/server/register/import.ts';
import type { RequestHandler } from './$types';

/** A preview answers 200; a confirmed import that found errors answers 422 and writes nothing. */
export const POST: RequestHandler = ({ request, locals }) =>
	handleErrors(async () => {
		const input = await readJson(request, importRequestSchema);
		const result = await importRegister(await db(), locals.user!, input);
		const refused = input.confirm && !result.written;
		return json(result, { status: refused ? 422 : result.written ? 201 : 200 });
	});
