/**
 * What the field screens read from the device's database. Rows are parsed with the domain's
 * schemas: a malformed row is left out (and logged), never shown half-filled.
 */
import type { z } from 'zod';
import type { LocalDb, LocalRecord } from '../db.ts';
import {
	assignmentRecordSchema,
	childSiteRecordSchema,
	type ChildSiteRecord,
	operationRecordSchema,
	teamRecordSchema,
	templateRecordSchema,
	venueRecordSchema,
	type TemplateRecord,
	type VenueRecord
} from '../../domain/records/referenceRecords.ts';
import { addDays, DAYS_AHEAD, upcomingTeamDays, type DayGroup } from '../../domain/field/teamDays.ts';
import type { InspectionData } from '../../domain/records/fieldRecords.ts';

function valid<T>(schema: z.ZodType<T>, rows: readonly (LocalRecord | undefined)[]): T[] {
	const out: T[] = [];
	for (const row of rows) {
		if (!row) continue;
		const parsed = schema.safeParse(row);
		if (parsed.success) out.push(parsed.data);
		else console.warn('skipped a malformed record', row.id, parsed.error.issues[0]);
	}
	return out;
}

/**
 * Read from the operations in the date window down (indexed by date), not from every team the
 * device holds: this runs on every cold start of the app, on a slow phone, offline.
 */
export async function readTeamDays(db: LocalDb, userId: string, today: string): Promise<DayGroup[]> {
	const operations = valid(
		operationRecordSchema,
		await db.records('operation').where('date').between(today, addDays(today, DAYS_AHEAD), true, true).toArray()
	);
	const teamRows = await db
		.records('team')
		.where('operationId')
		.anyOf(operations.map((operation) => operation.id))
		.toArray();
	const teams = valid(teamRecordSchema, teamRows).filter((team) => team.members.some((m) => m.userId === userId));
	const teamIds = teams.map((team) => team.id);
	const assignments = valid(
		assignmentRecordSchema,
		await db.records('assignment').where('teamId').anyOf(teamIds).toArray()
	);
	const venues = valid(
		venueRecordSchema,
		await db.records('location').bulkGet([...new Set(assignments.map((a) => a.locationId))])
	);
	return upcomingTeamDays({ teams, operations, assignments, venues }, userId, today);
}

export type InspectionRow = InspectionData & { id: string; version: number };

/** The inspections recorded at these assignments, newest first: drafts to continue, done ones to open. */
export async function readInspectionsByAssignment(
	db: LocalDb,
	assignmentIds: readonly string[]
): Promise<Map<string, InspectionRow>> {
	const rows = (await db
		.records('inspection')
		.where('assignmentId')
		.anyOf([...assignmentIds])
		.toArray()) as unknown as InspectionRow[];
	rows.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
	const latest = new Map<string, InspectionRow>();
	for (const row of rows) if (row.assignmentId && !latest.has(row.assignmentId)) latest.set(row.assignmentId, row);
	return latest;
}

export async function readInspection(db: LocalDb, id: string): Promise<InspectionRow | null> {
	return ((await db.records('inspection').get(id)) as unknown as InspectionRow | undefined) ?? null;
}

/** Corrections made of an inspection, oldest first: its history after submission. */
export async function readCorrections(db: LocalDb, id: string): Promise<InspectionRow[]> {
	const rows = (await db
		.records('inspection')
		.filter((row) => row.correctionOf === id)
		.toArray()) as unknown as InspectionRow[];
	return rows.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

export async function readVenue(db: LocalDb, id: string): Promise<VenueRecord | null> {
	return valid(venueRecordSchema, [await db.records('location').get(id)])[0] ?? null;
}

/** Every place used by children the device pulled, in id order (the server breaks ties the same way). */
export async function readChildSites(db: LocalDb): Promise<ChildSiteRecord[]> {
	return valid(childSiteRecordSchema, await db.records('childSite').toArray()).sort((a, b) =>
		a.id < b.id ? -1 : a.id > b.id ? 1 : 0
	);
}

/** Venues matching a typed name or address, for an unplanned inspection; the register can be long. */
export async function searchVenues(db: LocalDb, query: string, limit = 20): Promise<VenueRecord[]> {
	const needle = query.trim().toLocaleLowerCase();
	if (needle.length < 2) return [];
	const rows = await db
		.records('location')
		.filter((row) => `${row.name} ${row.address}`.toLocaleLowerCase().includes(needle))
		.limit(limit)
		.toArray();
	return valid(venueRecordSchema, rows);
}

export async function readAssignment(db: LocalDb, id: string) {
	return valid(assignmentRecordSchema, [await db.records('assignment').get(id)])[0] ?? null;
}

export async function readTeam(db: LocalDb, id: string) {
	return valid(teamRecordSchema, [await db.records('team').get(id)])[0] ?? null;
}

/** The teams `userId` is on for `day`: the team an unplanned inspection is recorded under. */
export async function readTeamsOnDay(db: LocalDb, userId: string, day: string) {
	const teams = valid(teamRecordSchema, await db.records('team').toArray()).filter((team) =>
		team.members.some((m) => m.userId === userId)
	);
	const operations = valid(
		operationRecordSchema,
		await db.records('operation').bulkGet(teams.map((team) => team.operationId))
	);
	const onDay = new Set(operations.filter((operation) => operation.date === day).map((operation) => operation.id));
	return teams.filter((team) => onDay.has(team.operationId));
}

/** The newest published template on the device: what a new inspection is recorded against. */
export async function readNewestTemplate(db: LocalDb): Promise<TemplateRecord | null> {
	const templates = valid(templateRecordSchema, await db.records('checklistTemplate').toArray());
	templates.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.templateVersion - a.templateVersion);
	return templates[0] ?? null;
}

/** The version an inspection names: a draft stays on it even after a newer one is published. */
export async function readTemplate(db: LocalDb, templateId: string, version: number): Promise<TemplateRecord | null> {
	const row = await db
		.records('checklistTemplate')
		.where('[templateId+templateVersion]')
		.equals([templateId, version])
		.first();
	return valid(templateRecordSchema, [row])[0] ?? null;
}

export type TodayView = { days: DayGroup[]; inspections: Map<string, InspectionRow> };

export async function readTodayView(db: LocalDb, userId: string, today: string): Promise<TodayView> {
	const days = await readTeamDays(db, userId, today);
	const assignmentIds = days.flatMap((day) =>
		day.teamDays.flatMap((teamDay) => teamDay.venues.map(({ assignment }) => assignment.id))
	);
	return { days, inspections: await readInspectionsByAssignment(db, assignmentIds) };
}
