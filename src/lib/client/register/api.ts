/**
 * The register's endpoints as typed calls, so components never build requests themselves. Every
 * call answers with the server's body or a field-named error the form can show beside the field.
 */
import type { LikelyDuplicate } from '$lib/domain/register/duplicates.ts';
import type { ImportRequest } from '$lib/domain/register/importRows.ts';
import type { VenueFieldsInput, VenueStatusChange } from '$lib/domain/register/venue.ts';
import type { ImportResult } from '$lib/server/register/import.ts';
import type { VenueDetail } from '$lib/server/register/venueDetail.ts';

export type ApiError = { error: string; field?: string; duplicates?: LikelyDuplicate[]; status: number };
export type ApiResult<T> = { ok: true; value: T } | { ok: false; problem: ApiError };

async function call<T>(path: string, init?: RequestInit & { json?: unknown }, alsoOk: number[] = []): Promise<ApiResult<T>> {
	let response: Response;
	try {
		response = await fetch(path, {
			...init,
			headers: init?.json === undefined ? init?.headers : { 'content-type': 'application/json', ...init?.headers },
			body: init?.json === undefined ? init?.body : JSON.stringify(init.json)
		});
	} catch {
		return { ok: false, problem: { error: 'network', status: 0 } };
	}
	const body = (await response.json().catch(() => ({}))) as T & Partial<ApiError>;
	if (response.ok || alsoOk.includes(response.status)) return { ok: true, value: body };
	return {
		ok: false,
		problem: { error: body.error ?? response.statusText, field: body.field, duplicates: body.duplicates, status: response.status }
	};
}

export type VenueSave = VenueFieldsInput & { confirmDuplicate?: boolean };
type Saved = { id: string; version: number };

export const registerApi = {
	venue: (id: string) => call<VenueDetail>(`/api/locations/${id}`),
	createVenue: (venue: VenueSave) => call<Saved>('/api/locations', { method: 'POST', json: venue }),
	updateVenue: (id: string, venue: VenueSave) => call<Saved>(`/api/locations/${id}`, { method: 'PUT', json: venue }),
	changeStatus: (id: string, change: VenueStatusChange) =>
		call<{ version: number }>(`/api/locations/${id}/status`, { method: 'POST', json: change }),
	verify: (id: string) => call<{ version: number }>(`/api/locations/${id}/verify`, { method: 'POST' }),
	merge: (id: string, targetId: string) =>
		call<{ targetId: string; inspections: number }>(`/api/locations/${id}/merge`, { method: 'POST', json: { targetId } }),
	// A refused confirmation (422) still carries the preview with its per-row errors.
	importFile: (request: ImportRequest) => call<ImportResult>('/api/register/import', { method: 'POST', json: request }, [422])
};
