/**
 * The register endpoints' answers (/api/locations…, /api/register/import): a venue's card, what a
 * save, a status change and a merge answer, and an import's preview. The server builds them in
 * server/register/; the map and the import page read them.
 */
import type { LikelyDuplicate } from '../register/duplicates.ts';
import type { ImportRequest, RowError } from '../register/importRows.ts';
import type { LocationStatus } from '../records/codes.ts';
import type { LinkKind } from '../register/venueNetworks.ts';

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

/** Another venue in a venue's network, and what links the two directly (empty: through other venues). */
export type NetworkMember = { id: string; name: string; status: LocationStatus; links: LinkKind[] };

/** An open venue that appeared after a venue linked to it was closed by the authorities. */
export type PossibleReopening = {
	venueId: string;
	venueName: string;
	venueStatus: LocationStatus;
	/** When it was registered, or re-activated (ISO). */
	openedAt: string;
	closedVenueId: string;
	closedVenueName: string;
	closedAt: string;
	links: LinkKind[];
};

/** A change in the venue's register entry (ISO time); its inspections are in `history`. */
export type VenueChangeEntry =
	| { kind: 'registered'; at: string; status: LocationStatus; name: string }
	| { kind: 'status'; at: string; from: LocationStatus; to: LocationStatus }
	| { kind: 'name'; at: string; from: string; to: string };

/** Who owns and runs the venue: for those who keep the register only (server/sync/wireRecords.ts). */
export type VenueContacts = { ownerName: string; managerName: string; phone: string };

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
	changes: VenueChangeEntry[];
	/** Null for readers who do not keep the register. */
	contacts: VenueContacts | null;
	network: { members: NetworkMember[]; reopenings: PossibleReopening[] } | null;
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
