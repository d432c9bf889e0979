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

/** A venue's normalised keys; the address only where a reopening is asked about. */
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
const makesNetwork = (key: Key) => !key.startsWith('address:');

/** What two venues' keys share, in the order of `reopeningLinkKinds`. */
function sharedKinds(mine: Set<Key>, theirs: Key[]): LinkKind[] {
	const shared = new Set(theirs.filter((key) => mine.has(key)).map(kindOf));
	return reopeningLinkKinds.filter((kind) => shared.has(kind));
}

/**
 * Connected components of the "shares a key" graph, by union–find (union by size, path halving)
 * as each venue's keys meet the first venue that held them; `keys[i]` are `venues[i]`'s.
 */
function components(venues: LinkableVenue[], keys: Key[][]): string[][] {
	const parent = venues.map((_, index) => index);
	const size = venues.map(() => 1);
	const find = (index: number): number => {
		let node = index;
		while (parent[node] !== node) {
			parent[node] = parent[parent[node]!]!;
			node = parent[node]!;
		}
		return node;
	};
	const firstHolder = new Map<Key, number>();
	keys.forEach((held, index) => {
		for (const key of held) {
			const first = firstHolder.get(key);
			if (first === undefined) {
				firstHolder.set(key, index);
				continue;
			}
			let [a, b] = [find(first), find(index)];
			if (a === b) continue;
			if (size[a]! < size[b]!) [a, b] = [b, a];
			parent[b] = a;
			size[a]! += size[b]!;
		}
	});
	const byRoot = new Map<number, string[]>();
	venues.forEach((venue, index) => {
		const root = find(index);
		const members = byRoot.get(root);
		if (members) members.push(venue.id);
		else byRoot.set(root, [venue.id]);
	});
	return [...byRoot.values()];
}

/** The networks: venues linked to at least one other, each network as its venues' ids. */
export function networks(venues: LinkableVenue[]): string[][] {
	const keys = venues.map((venue) => keysOf(venue, false));
	return components(venues, keys).filter((members) => members.length > 1);
}

/**
 * The register's links, computed once per register state (the server keeps it while the register
 * is unchanged): each venue's keys, address included, the venues holding each key, and each venue's
 * network. A card then costs the size of its network and of its direct links, not the register's.
 */
export type LinkIndex = {
	keysById: Map<string, Key[]>;
	holders: Map<Key, string[]>;
	networkOf: Map<string, string[]>;
};

export function linkIndex(venues: LinkableVenue[]): LinkIndex {
	const keys = venues.map((venue) => keysOf(venue, true));
	const keysById = new Map<string, Key[]>();
	const holders = new Map<Key, string[]>();
	venues.forEach((venue, index) => {
		keysById.set(venue.id, keys[index]!);
		for (const key of keys[index]!) {
			const held = holders.get(key);
			if (held) held.push(venue.id);
			else holders.set(key, [venue.id]);
		}
	});
	const networkOf = new Map<string, string[]>();
	for (const members of components(
		venues,
		keys.map((held) => held.filter(makesNetwork))
	)) {
		for (const id of members) networkOf.set(id, members);
	}
	return { keysById, holders, networkOf };
}

/**
 * What a venue's card shows of its links: its network (the other venues linked to it directly or
 * through others, each with what links the two directly — empty when only the chain does), and
 * every venue linked to it directly, address included (the pairs among which its reopenings are).
 */
export function linksOf(
	index: LinkIndex,
	id: string
): { network: Map<string, LinkKind[]>; direct: Map<string, LinkKind[]> } {
	const network = new Map<string, LinkKind[]>();
	const direct = new Map<string, LinkKind[]>();
	const own = index.keysById.get(id);
	if (!own) return { network, direct };
	const mine = new Set(own);
	for (const key of own) {
		for (const other of index.holders.get(key) ?? []) {
			if (other !== id && !direct.has(other)) direct.set(other, sharedKinds(mine, index.keysById.get(other)!));
		}
	}
	for (const member of index.networkOf.get(id) ?? []) {
		if (member === id) continue;
		network.set(
			member,
			(direct.get(member) ?? []).filter((kind) => kind !== 'address')
		);
	}
	return { network, direct };
}

/** One venue's links over the register, without a kept index. */
export function venueLinks(
	venues: LinkableVenue[],
	id: string
): { network: Map<string, LinkKind[]>; direct: Map<string, LinkKind[]> } {
	return linksOf(linkIndex(venues), id);
}

/** A venue still trading: not closed by the authorities, not gone. */
export const isOpen = (status: LocationStatus) => status === 'active' || status === 'unverified';

/** A closed venue and an open one linked to it: a reopening if the open one appeared after the closure. */
export type ReopeningCandidate = { venueId: string; closedVenueId: string; links: LinkKind[] };

/** Every open venue sharing a key (address included) with a venue closed by the authorities. */
export function reopeningCandidates(venues: LinkableVenue[]): ReopeningCandidate[] {
	const keys = venues.map((venue) => keysOf(venue, true));
	const holders = new Map<Key, number[]>();
	keys.forEach((held, index) => {
		if (!isOpen(venues[index]!.status)) return;
		for (const key of held) {
			const list = holders.get(key);
			if (list) list.push(index);
			else holders.set(key, [index]);
		}
	});
	const candidates: ReopeningCandidate[] = [];
	venues.forEach((closed, closedIndex) => {
		if (closed.status !== 'closed_by_authority') return;
		const mine = new Set(keys[closedIndex]);
		const linked = new Set([...mine].flatMap((key) => holders.get(key) ?? []));
		for (const index of linked) {
			candidates.push({
				venueId: venues[index]!.id,
				closedVenueId: closed.id,
				links: sharedKinds(mine, keys[index]!)
			});
		}
	});
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
