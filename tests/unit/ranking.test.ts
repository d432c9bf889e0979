import { describe, expect, it } from 'vitest';
import { rankVenues, reasonsFor, rankingWeights, type RankableVenue } from '../../src/lib/domain/planning/ranking.ts';

const now = new Date('2026-11-24T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

const venue = (overrides: Partial<RankableVenue> = {}): RankableVenue => ({
	id: 'v',
	kind: 'other',
	status: 'active',
	lastInspectedAt: daysAgo(10),
	findingsCount: 0,
	possibleVictimsCount: 0,
	nearChildrenMetres: null,
	...overrides
});

const codes = (v: RankableVenue) => reasonsFor(v, now).map((r) => r.code);

describe('reasons a venue needs a visit', () => {
	it('gives none for an ordinary venue inspected last week', () => {
		expect(reasonsFor(venue(), now)).toEqual([]);
	});

	it('ranks a venue whose control inspection is due above a venue never inspected', () => {
		const due = reasonsFor(venue({ followUpDueOn: '2026-11-20' }), now);
		expect(due).toEqual([{ code: 'follow_up_due', points: rankingWeights.followUpDue, dueOn: '2026-11-20' }]);
		const [first] = rankVenues(
			[venue({ id: 'never', lastInspectedAt: null, kind: 'bar' }), venue({ id: 'due', followUpDueOn: '2026-11-20' })],
			now
		);
		expect(first!.id).toBe('due');
	});

	it('names a venue never inspected', () => {
		expect(codes(venue({ lastInspectedAt: null }))).toEqual(['never_inspected']);
	});

	it('names a venue not inspected for longer than the overdue threshold, with the days', () => {
		const [reason] = reasonsFor(venue({ lastInspectedAt: daysAgo(200) }), now);
		expect(reason).toMatchObject({ code: 'overdue', days: 200 });
	});

	it('gives more points the longer a venue went unvisited, up to a cap', () => {
		const points = (days: number) => reasonsFor(venue({ lastInspectedAt: daysAgo(days) }), now)[0]!.points;
		expect(points(300)).toBeGreaterThan(points(120));
		expect(points(2000)).toBe(rankingWeights.overdueMax);
	});

	it('does not call a venue inspected within the threshold overdue', () => {
		expect(codes(venue({ lastInspectedAt: daysAgo(90) }))).toEqual([]);
	});

	it('names earlier findings with their count', () => {
		expect(reasonsFor(venue({ findingsCount: 3 }), now)).toEqual([
			{ code: 'findings', points: rankingWeights.findingsMax, count: 3 }
		]);
	});

	it('names possible victims found there earlier', () => {
		expect(codes(venue({ possibleVictimsCount: 1 }))).toEqual(['possible_victims']);
	});

	it('names a venue near children with the distance in metres', () => {
		expect(reasonsFor(venue({ nearChildrenMetres: 212.4 }), now)).toEqual([
			{ code: 'near_children', points: rankingWeights.nearChildren, metres: 212 }
		]);
	});

	it('names the kinds of venue where victims are found most', () => {
		expect(codes(venue({ kind: 'massage_parlour' }))).toEqual(['kind']);
		expect(codes(venue({ kind: 'other' }))).toEqual([]);
	});

	it('lists the weightiest reason first', () => {
		expect(codes(venue({ lastInspectedAt: null, kind: 'bar', nearChildrenMetres: 100 }))).toEqual([
			'never_inspected',
			'near_children',
			'kind'
		]);
	});
});

describe('ranking venues', () => {
	it('puts a venue with possible victims near a school above a recently inspected café', () => {
		const ranked = rankVenues(
			[
				venue({ id: 'cafe', kind: 'restaurant_cafe' }),
				venue({ id: 'club', kind: 'night_club', possibleVictimsCount: 2, nearChildrenMetres: 300 })
			],
			now
		);
		expect(ranked.map((r) => r.id)).toEqual(['club', 'cafe']);
	});

	it('scores a venue as the sum of its reasons', () => {
		const [ranked] = rankVenues([venue({ lastInspectedAt: null, kind: 'bar' })], now);
		expect(ranked!.score).toBe(rankingWeights.neverInspected + rankingWeights.kind.bar);
	});

	it('leaves out venues that are gone', () => {
		expect(rankVenues([venue({ id: 'gone', status: 'gone', lastInspectedAt: null })], now)).toEqual([]);
	});

	it('keeps equal scores in the order given, so the list does not reshuffle between reloads', () => {
		const ranked = rankVenues([venue({ id: 'b' }), venue({ id: 'a' }), venue({ id: 'c' })], now);
		expect(ranked.map((r) => r.id)).toEqual(['b', 'a', 'c']);
	});

	it('returns only the top N when asked', () => {
		const list = Array.from({ length: 10 }, (_, i) => venue({ id: `v${i}`, findingsCount: i }));
		expect(rankVenues(list, now, 3).map((r) => r.id)).toEqual(['v2', 'v3', 'v4']);
	});
});
