/** The venues of the user's teams, per operation, as the device holds them (for offlineAreas.ts). */
import type { LocalDb } from '$lib/client/db.ts';
import {
	assignmentRecordSchema,
	operationRecordSchema,
	teamRecordSchema,
	venueRecordSchema
} from '$lib/domain/records/referenceRecords.ts';
import type { TeamTarget } from '$lib/domain/geo/offlineAreas.ts';

function parsed<T>(schema: { safeParse(row: unknown): { success: boolean; data?: T } }, rows: readonly unknown[]): T[] {
	return rows.flatMap((row) => {
		const result = row ? schema.safeParse(row) : { success: false };
		return result.success && 'data' in result ? [result.data as T] : [];
	});
}

export async function teamTargets(db: LocalDb, userId: string): Promise<TeamTarget[]> {
	const operations = parsed(operationRecordSchema, await db.records('operation').toArray()).filter(
		(operation) => operation.status !== 'cancelled'
	);
	const operationIds = new Set(operations.map((operation) => operation.id));
	const teams = parsed(teamRecordSchema, await db.records('team').toArray()).filter(
		(team) => operationIds.has(team.operationId) && team.members.some((member) => member.userId === userId)
	);
	const teamOperation = new Map(teams.map((team) => [team.id, team.operationId]));
	const dates = new Map(operations.map((operation) => [operation.id, operation.date]));
	const assignments = parsed(
		assignmentRecordSchema,
		await db
			.records('assignment')
			.where('teamId')
			.anyOf([...teamOperation.keys()])
			.toArray()
	).filter((assignment) => assignment.status !== 'cancelled');
	const venues = parsed(
		venueRecordSchema,
		await db.records('location').bulkGet([...new Set(assignments.map((assignment) => assignment.locationId))])
	);
	const venueById = new Map(venues.map((venue) => [venue.id, venue]));
	const points = new Map<string, { lat: number; lng: number }[]>();
	for (const assignment of assignments) {
		const operationId = teamOperation.get(assignment.teamId);
		const venue = venueById.get(assignment.locationId);
		if (!operationId || !venue) continue;
		points.set(operationId, [...(points.get(operationId) ?? []), { lat: venue.lat, lng: venue.lng }]);
	}
	return [...points].map(([operationId, list]) => ({ operationId, date: dates.get(operationId), points: list }));
}
