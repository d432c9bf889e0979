/** A page's form action submitted the way `use:enhance` does, and SvelteKit's answer read back. */
import { parse as parseDevalue } from 'devalue';
import type { TestClient } from './app.ts';

export type ActionAnswer = { status: number; type?: string; data?: Record<string, unknown> };

/** `target` is the page and action, e.g. `/admin/texts?/edit`. */
export async function submitAction(
	client: TestClient,
	target: string,
	fields: Record<string, string>
): Promise<ActionAnswer> {
	const response = await client.request(target, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'application/json',
			'x-sveltekit-action': 'true'
		},
		body: new URLSearchParams(fields).toString()
	});
	if (!response.headers.get('content-type')?.includes('application/json')) return { status: response.status };
	const body = (await response.json()) as { type: string; status?: number; data?: string };
	return {
		status: body.status ?? response.status,
		type: body.type,
		data: body.data ? parseDevalue(body.data) : undefined
	};
}
