/**
 * Venue networks and possible reopenings, as pure rules over the register (docs/DOMAIN.md, "After the
 * inspection: venue networks"). Venues are grouped by their normalised keys in hash maps, so linking
 * tens of thousands of venues costs one pass over them, never a comparison of every pair.
 */
import type { LocationStatus } from '../records/codes.ts';
import { addressKey, businessRegNoKey, nameKey, phoneKey } from './networkKeys.ts';

/** What links two venues in a network. The owner of one may be the manager of the other: one person. */
export const networkLinkKinds = ['businessRegNo', 'phone', 'person'] as const;
/** A reopening may also be at the same address, which alone makes no network (a building changes hands). */
export const reopeningLinkKinds = [...networkLinkKinds, 'address'] as const;
export type LinkKind = (typeof reopeningLinkKinds)[number];

export type LinkableVenue = {
	id: string;
	status: LocationStatus;
	address: string;
	municipalityId: string;
	businessRegNo: string | null;
	phone: string;
	ownerName: string;
	managerName: string;
};

type Key = `${LinkKind}:${string}`;

function keysOf(venue: LinkableVenue, withAddress: boolean): Key[] {
	const keys: Key[] = [];
	const regNo = businessRegNoKey(venue.businessRegNo);
	if (regNo) keys.push(`businessRegNo:${regNo}`);
	const phone = phoneKey(venue.phone);
	if (phone) keys.push(`phone:${phone}`);
	for (const name of new Set([nameKey(venue.ownerName), nameKey(venue.managerName)])) {
		if (name) keys.push(`person:${name}`);
	}
	const address = withAddress ? addressKey(venue.address, venue.municipalityId) : '';
	if (address) keys.push(`address:${address}`);
	return keys;
}

const kindOf = (key: Key) => key.slice(0, key.indexOf(':')) as LinkKind;

/** What links two venues directly, in the order of `reopeningLinkKinds`; empty when nothing does. */
export function linksBetween(a: LinkableVenue, b: LinkableVenue, withAddress = false): LinkKind[] {
	const mine = new Set(keysOf(a, withAddress));
	const shared = new Set(
		keysOf(b, withAddress)
			.filter((key) => mine.has(key))
			.map(kindOf)
	);
	return reopeningLinkKinds.filter((kind) => shared.has(kind));
}

/** Venues by each key they hold. */
function byKey(venues: LinkableVenue[], withAddress: boolean): Map<Key, LinkableVenue[]> {
	const index = new Map<Key, LinkableVenue[]>();
	for (const venue of venues) {
		for (const key of keysOf(venue, withAddress)) {
			const holders = index.get(key);
			if (holders) holders.push(venue);
			else index.set(key, [venue]);
		}
	}
	return index;
}

/**
 * The networks: connected components of the "shares a key" graph, by union–find over the key index.
 * Only venues linked to at least one other are returned; each network lists its venues' ids.
 */
export function networks(venues: LinkableVenue[]): string[][] {
	const parent = new Map<string, string>();
	const find = (id: string): string => {
		let root = id;
		while (parent.get(root) !== root) root = parent.get(root)!;
		// Path halving keeps the trees flat for the next look-up.
		let node = id;
		while (parent.get(node) !== root) {
			const next = parent.get(node)!;
			parent.set(node, root);
			node = next;
		}
		return root;
	};
	for (const venue of venues) parent.set(venue.id, venue.id);
	for (const holders of byKey(venues, false).values()) {
		const first = find(holders[0]!.id);
		for (const holder of holders.slice(1)) {
			const root = find(holder.id);
			if (root !== first) parent.set(root, first);
		}
	}
	const components = new Map<string, string[]>();
	for (const venue of venues) {
		const root = find(venue.id);
		const members = components.get(root);
		if (members) members.push(venue.id);
		else components.set(root, [venue.id]);
	}
	return [...components.values()].filter((members) => members.length > 1);
}

/** The network a venue belongs to (itself included), or just itself when nothing links it. */
export function networkOf(venues: LinkableVenue[], id: string): string[] {
	return networks(venues).find((members) => members.includes(id)) ?? [id];
}

/** A venue still trading: not closed by the authorities, not gone. */
export const isOpen = (status: LocationStatus) => status === 'active' || status === 'unverified';

/** A closed venue and an open one linked to it: a reopening if the open one appeared after the closure. */
export type ReopeningCandidate = { venueId: string; closedVenueId: string; links: LinkKind[] };

/** Every open venue sharing a key (address included) with a venue closed by the authorities. */
export function reopeningCandidates(venues: LinkableVenue[]): ReopeningCandidate[] {
	const index = byKey(venues, true);
	const candidates: ReopeningCandidate[] = [];
	for (const closed of venues.filter((venue) => venue.status === 'closed_by_authority')) {
		const linked = new Map<string, Set<LinkKind>>();
		for (const key of keysOf(closed, true)) {
			for (const other of index.get(key) ?? []) {
				if (other.id === closed.id || !isOpen(other.status)) continue;
				const kinds = linked.get(other.id) ?? new Set<LinkKind>();
				kinds.add(kindOf(key));
				linked.set(other.id, kinds);
			}
		}
		for (const [venueId, kinds] of linked) {
			candidates.push({
				venueId,
				closedVenueId: closed.id,
				links: reopeningLinkKinds.filter((kind) => kinds.has(kind))
			});
		}
	}
	return candidates;
}

/** One known version of a venue: its status and name, and when that version was written. */
export type VenueVersion = { version: number; at: Date; status: LocationStatus; name: string };

/**
 * The first version of the last run of versions whose status matches, and whether that run reaches
 * back to the oldest version known (then the venue may have been so since before it).
 */
function currentRun(
	versions: VenueVersion[],
	matches: (status: LocationStatus) => boolean
): { start: Date; fromOldest: boolean } | null {
	let run: { start: Date; fromOldest: boolean } | null = null;
	versions.forEach((version, index) => {
		if (!matches(version.status)) run = null;
		else if (run === null) run = { start: version.at, fromOldest: index === 0 };
	});
	return run;
}

/**
 * When a closed venue was closed: the version that closed it (the latest closure when it was
 * reopened and closed again). Without the closing version, the oldest one known: a closure is never
 * dated earlier than the register can show.
 */
export function closedSince(versions: VenueVersion[]): Date | null {
	return currentRun(versions, (status) => status === 'closed_by_authority')?.start ?? null;
}

/**
 * Since when an open venue has been open: the latest time it was re-activated after being closed or
 * gone, else its registration. A verification (unverified → active) is not a re-activation.
 */
export function openSince(versions: VenueVersion[], registeredAt: Date): Date | null {
	const run = currentRun(versions, isOpen);
	if (!run) return null;
	return run.fromOldest ? registeredAt : run.start;
}

/** A change in a venue's history, for its card. */
export type VenueChange =
	| { kind: 'registered'; at: Date; status: LocationStatus; name: string }
	| { kind: 'status'; at: Date; from: LocationStatus; to: LocationStatus }
	| { kind: 'name'; at: Date; from: string; to: string };

/** The status and name changes between consecutive known versions, oldest first. */
export function venueChanges(versions: VenueVersion[]): VenueChange[] {
	const changes: VenueChange[] = [];
	const first = versions[0];
	if (first?.version === 1) changes.push({ kind: 'registered', at: first.at, status: first.status, name: first.name });
	for (let index = 1; index < versions.length; index++) {
		const before = versions[index - 1]!;
		const after = versions[index]!;
		if (after.status !== before.status) {
			changes.push({ kind: 'status', at: after.at, from: before.status, to: after.status });
		}
		if (after.name !== before.name) changes.push({ kind: 'name', at: after.at, from: before.name, to: after.name });
	}
	return changes;
}
