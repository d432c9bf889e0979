/**
 * The one failure shape of the app's endpoints, as the browser reads it. The server answers
 * `{ error, field? }` (server/http.ts `errorResponse`); some endpoints add to it — a venue save its
 * likely `duplicates`, a throttled sign-in its `retryAfter`, a revoked device `wipe` — and those
 * travel in `details`. `status` 0 means the request never reached the server.
 */
export type Problem<D = Record<string, unknown>> = {
	status: number;
	error: string;
	field?: string;
	details?: Partial<D>;
};

/** A failure body read as a problem; `fallback` stands in for a missing `error`. */
export function problemOf<D = Record<string, unknown>>(status: number, body: unknown, fallback: string): Problem<D> {
	const { error, field, ...rest } =
		typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
	return {
		status,
		error: typeof error === 'string' ? error : fallback,
		...(typeof field === 'string' ? { field } : {}),
		...(Object.keys(rest).length > 0 ? { details: rest as Partial<D> } : {})
	};
}

/** A failed response's problem; a body that is not JSON leaves the fallback (by default the status). */
export async function readProblem<D = Record<string, unknown>>(
	response: Response,
	fallback = `HTTP ${response.status}`
): Promise<Problem<D>> {
	const body: unknown = await response.json().catch(() => null);
	return problemOf<D>(response.status, body, fallback);
}
