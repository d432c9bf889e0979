/** How a register save answers: the saved id and version, or 409 with the likely duplicates. */
import { json } from '@sveltejs/kit';
import type { Problem } from '../../domain/views/problem.ts';
import type { VenueDuplicates, VenueSaved } from '../../domain/views/register.ts';
import type { SaveResult } from './venues.ts';

export function saveResponse(result: SaveResult, status: 200 | 201): Response {
	if (result.saved) return json({ id: result.id, version: result.version } satisfies VenueSaved, { status });
	return json(
		{
			error: 'a venue with the same or a similar name is within 50 m',
			field: 'name',
			duplicates: result.duplicates
		} satisfies Problem & VenueDuplicates,
		{ status: 409 }
	);
}
