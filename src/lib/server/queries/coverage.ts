/**
 * The supervisor's coverage figures for a period: how much of the register was inspected and what
 * the inspections found, overall and per municipality. All counting happens in SQL.
 */
import { and, asc, eq, gte, isNull, ne, notExists, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '../db/index.ts';
import { inspections, locations, municipalities, referrals, screenedPersons } from '../db/schema.ts';

export const coveragePeriods = [30, 90, 365] as const;
export type CoveragePeriod = (typeof coveragePeriods)[number];

export type CoverageFigures = {
	registeredVenues: number;
	venuesInspected: number;
	/** Share of registered venues inspected, 0–100; null when nothing is registered. */
	coveragePercent: number | null;
	inspections: number;
	inspectionsWithIndicators: number;
	possibleVictims: number;
	referrals: number;
};

export type MunicipalityCoverage = CoverageFigures & {
	municipalityId: string;
	registeredVenuesInspected: number;
	name: { en: string; sq: string; sr: string };
};

export type CoverageReport = { days: CoveragePeriod; totals: CoverageFigures; municipalities: MunicipalityCoverage[] };

function percent(part: number, whole: number): number | null {
	return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

export async function coverageReport(days: CoveragePeriod, now: Date = new Date()): Promise<CoverageReport> {
	const database = await db();
	const since = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
	const correction = alias(inspections, 'correction');

	// Submitted inspections in the period, each counted once: an inspection that has been corrected
	// is represented by its correction (a new record pointing back at it), not by both.
	const counted = database.$with('counted').as(
		database
			.select({ id: inspections.id, locationId: inspections.locationId, outcome: inspections.outcome })
			.from(inspections)
			.where(
				and(
					eq(inspections.status, 'submitted'),
					isNull(inspections.deletedAt),
					gte(inspections.startedAt, since),
					notExists(
						database
							.select({ id: correction.id })
							.from(correction)
							.where(
								and(
									eq(correction.correctionOf, inspections.id),
									eq(correction.status, 'submitted'),
									isNull(correction.deletedAt)
								)
							)
					)
				)
			)
	);

	// Correlated per inspection in the outer query: drizzle drops table names from columns inside a
	// CTE's own select list, which would make `inspection_id = id` compare a table with itself.
	const screenedPersonsWhere = (condition: SQL) => sql`from ${screenedPersons}
		where ${screenedPersons.inspectionId} = ${counted.id} and ${screenedPersons.deletedAt} is null and ${condition}`;
	const withIndicators = sql`(${counted.outcome} = 'trafficking_indicators_referred'
		or exists (select 1 ${screenedPersonsWhere(sql`${screenedPersons.result} <> 'no_indicators'`)}))`;
	const possibleVictims = sql`(select count(*) ${screenedPersonsWhere(sql`${screenedPersons.result} = 'possible_victim'`)})`;
	const referralCount = sql`(select count(*) from ${referrals}
		where ${referrals.inspectionId} = ${counted.id} and ${referrals.deletedAt} is null)`;

	const [registered, inspected] = await Promise.all([
		database
			.select({
				municipalityId: municipalities.id,
				nameEn: municipalities.nameEn,
				nameSq: municipalities.nameSq,
				nameSr: municipalities.nameSr,
				registeredVenues: sql<number>`count(${locations.id})::int`
			})
			.from(municipalities)
			.leftJoin(
				locations,
				and(eq(locations.municipalityId, municipalities.id), isNull(locations.deletedAt), ne(locations.status, 'gone'))
			)
			.where(isNull(municipalities.deletedAt))
			.groupBy(municipalities.id)
			.orderBy(asc(municipalities.nameEn)),
		database
			.with(counted)
			.select({
				municipalityId: locations.municipalityId,
				venuesInspected: sql<number>`count(distinct ${counted.locationId})::int`,
				// Coverage compares like with like: inspected venues that are still on the register.
				registeredVenuesInspected: sql<number>`(count(distinct ${counted.locationId}) filter (
					where ${locations.deletedAt} is null and ${locations.status} <> 'gone'))::int`,
				inspections: sql<number>`count(*)::int`,
				inspectionsWithIndicators: sql<number>`(count(*) filter (where ${withIndicators}))::int`,
				possibleVictims: sql<number>`coalesce(sum(${possibleVictims}), 0)::int`,
				referrals: sql<number>`coalesce(sum(${referralCount}), 0)::int`
			})
			.from(counted)
			.innerJoin(locations, eq(locations.id, counted.locationId))
			.groupBy(locations.municipalityId)
	]);

	const byMunicipality = new Map(inspected.map((row) => [row.municipalityId, row]));
	const rows: MunicipalityCoverage[] = registered.map((row) => {
		const found = byMunicipality.get(row.municipalityId);
		return {
			municipalityId: row.municipalityId,
			name: { en: row.nameEn, sq: row.nameSq, sr: row.nameSr },
			registeredVenues: row.registeredVenues,
			venuesInspected: found?.venuesInspected ?? 0,
			registeredVenuesInspected: found?.registeredVenuesInspected ?? 0,
			coveragePercent: percent(found?.registeredVenuesInspected ?? 0, row.registeredVenues),
			inspections: found?.inspections ?? 0,
			inspectionsWithIndicators: found?.inspectionsWithIndicators ?? 0,
			possibleVictims: found?.possibleVictims ?? 0,
			referrals: found?.referrals ?? 0
		};
	});

	// A venue belongs to one municipality, so per-municipality counts of distinct venues add up.
	const sum = (pick: (row: MunicipalityCoverage) => number) => rows.reduce((total, row) => total + pick(row), 0);
	const registeredVenues = sum((row) => row.registeredVenues);
	return {
		days,
		totals: {
			registeredVenues,
			venuesInspected: sum((row) => row.venuesInspected),
			coveragePercent: percent(sum((row) => row.registeredVenuesInspected), registeredVenues),
			inspections: sum((row) => row.inspections),
			inspectionsWithIndicators: sum((row) => row.inspectionsWithIndicators),
			possibleVictims: sum((row) => row.possibleVictims),
			referrals: sum((row) => row.referrals)
		},
		municipalities: rows
	};
}
