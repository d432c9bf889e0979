/**
 * The register endpoints' answers (/api/locations…, /api/register/import): a venue's card, what a
 * save, a status change and a merge answer, and an import's preview. The server builds them in
 * server/register/; the map and the import page read them.
 */
import type { LikelyDuplicate } from '../register/duplicates.ts';
import type { ImportRequest, RowError } from '../register/importRows.ts';

export type VenueHistoryEntry = {
	/** Null on an inspector's card for another team's visit. */
	id: string | null;
	startedAt: string;
	/** Whether the reader may see the visit's team and persons' counts (false: another team's, for an inspector). */
	own: boolean;
	teamName: string | null;
	outcome: string | null;
	/** Indicators of trafficking the team observed at the venue (checklist items answered "yes"). */
	indicatorsFound: number;
	/** Persons screened with indicators present, and how many of them met the possible-victim rule. */
	personsWithIndicators: number | null;
	possibleVictims: number | null;
};

export type VenueActions = { edit: boolean; changeStatus: boolean; verify: boolean; merge: boolean };

/** GET /api/locations/[id]: a venue's card. */
export type VenueDetail = {
	id: string;
	version: number;
	status: string;
	statusReason: string | null;
	businessRegNo: string | null;
	riskNotes: string;
	proposedBy: string | null;
	updatedAt: string;
	actions: VenueActions;
	history: VenueHistoryEntry[];
};

/** POST /api/locations and PUT /api/locations/[id]: the saved venue. */
export type VenueSaved = { id: string; version: number };

/**
 * What a save refused with 409 carries beside `{ error, field }`: venues with the same or a similar
 * name nearby, which the planner confirms are different before saving again.
 */
export type VenueDuplicates = { duplicates: LikelyDuplicate[] };

/** POST /api/locations/[id]/status and /verify: the venue's new version. */
export type VenueVersion = { version: number };

/** POST /api/locations/[id]/merge: the venue kept, and how many records moved to it. */
export type VenueMerged = { targetId: string; inspections: number; assignments: number };

export type ImportPreview = {
	layer: ImportRequest['layer'];
	valid: number;
	errors: RowError[];
	fileError: string | null;
	sample: { row: number; name: string; kind: string; municipalityId: string; lat: number; lng: number }[];
};

/** POST /api/register/import: 200 for a preview, 201 once written, 422 when a confirmed import had errors. */
export type ImportResult =
	{ written: false; preview: ImportPreview } | { written: true; count: number; preview: ImportPreview };
