/** The planning screen's one client for its JSON endpoints; errors come back as `{ error, field }`. */
export type ApiError = { error: string; field?: string };
export type AssignAnswer = { assigned: string[]; alreadyAssigned: string[]; venuesTwice: { venueName: string; date: string }[] };

async function call<T>(method: string, url: string, body?: unknown): Promise<T | ApiError> {
	const response = await fetch(url, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const answer = await response.json().catch(() => ({ error: response.statusText }));
	return response.ok ? (answer as T) : (answer as ApiError);
}

export const isApiError = (value: unknown): value is ApiError => typeof value === 'object' && value !== null && 'error' in value;

export const planningApi = {
	assign: (operationId: string, teamId: string, locationIds: string[]) =>
		call<AssignAnswer>('POST', `/api/plans/operations/${operationId}/assignments`, { teamId, locationIds }),
	move: (assignmentId: string, teamId: string) => call<{ version: number }>('PATCH', `/api/plans/assignments/${assignmentId}`, { teamId }),
	remove: (assignmentId: string) => call<{ removed: true }>('DELETE', `/api/plans/assignments/${assignmentId}`),
	reorder: (teamId: string, assignmentIds: string[]) => call<{ changed: number }>('PUT', `/api/plans/teams/${teamId}/order`, { assignmentIds })
};
