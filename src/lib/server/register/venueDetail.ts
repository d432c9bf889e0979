/**
 * A venue's card: its register details, what the reader may do with it, and its inspection
 * history (date, team, outcome, indicators found). The history counts indicators, never persons'
 * answers, so every role that sees the map may read it — but an inspector sees other teams' visits
 * only as a date, an outcome and the venue's indicators: not which team, not the inspection's id,
 * not how many of the people met there were possible victims.
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { checklistTemplates, inspections, locations, screenedPersons, teams, users } from '../db/schema.ts';
import { POSSIBLE_VICTIM } from '../db/screening.ts';
import type { SessionUser } from '../../domain/auth.ts';
import type { VenueChangeEntry, VenueDetail, VenueHistoryEntry } from '../../domain/views/register.ts';
import { venueChanges } from '../../domain/register/venueNetworks.ts';
import { indicatorIdsFromAnswers, templateSchema, type ChecklistTemplate } from '../../domain/checklist/template.ts';
import { UserInputError } from '../errors.ts';
import { keepsRegister, mayEditVenue } from './access.ts';
import { inTeamScope, scopeOf } from '../sync/scope.ts';
import { venueNetwork, versionsOf } from './networks.ts';

/** Enough for a card; the coverage screens hold the full record. */
const HISTORY_LIMIT = 20;

export async function venueDetail(db: Db, reader: SessionUser, id: string): Promise<VenueDetail> {
	const [venue] = await db
		.select({ location: locations, proposedBy: users.displayName })
		.from(locations)
		.leftJoin(users, eq(users.id, locations.createdBy))
		.where(and(eq(locations.id, id), isNull(locations.deletedAt)));
	if (!venue) throw new UserInputError('id', 'no such venue', 404);
	const { location } = venue;
	const unverified = location.status === 'unverified';
	const keeper = keepsRegister(reader);
	return {
		id: location.id,
		version: location.version,
		status: location.status,
		statusReason: location.statusReason,
		businessRegNo: location.businessRegNo,
		riskNotes: location.riskNotes,
		// Who proposed it matters while it waits for a planner; afterwards the register owns it.
		proposedBy: unverified ? venue.proposedBy : null,
		updatedAt: location.updatedAt.toISOString(),
		actions: {
			edit: mayEditVenue(reader, location),
			changeStatus: keeper,
			verify: keeper && unverified,
			merge: keeper && unverified
		},
		history: await inspectionHistory(db, reader, id),
		changes: await registerChanges(db, location),
		// Names and numbers of the persons behind a venue, and the venues they link it to, are for
		// those who keep the register and plan the visits (need to know), not for every reader.
		contacts: keeper
			? { ownerName: location.ownerName, managerName: location.managerName, phone: location.phone }
			: null,
		network: keeper ? await venueNetwork(db, id) : null
	};
}

async function registerChanges(db: Db, location: typeof locations.$inferSelect): Promise<VenueChangeEntry[]> {
	const versions = (await versionsOf(db, [location])).get(location.id) ?? [];
	return venueChanges(versions)
		.map((change) => ({ ...change, at: change.at.toISOString() }))
		.reverse();
}

async function inspectionHistory(db: Db, reader: SessionUser, locationId: string): Promise<VenueHistoryEntry[]> {
	const scope = reader.role === 'inspector' ? await scopeOf(db, reader) : null;
	const rows = await db
		.select({
			id: inspections.id,
			startedAt: inspections.startedAt,
			outcome: inspections.outcome,
			answers: inspections.answers,
			templateId: inspections.templateId,
			templateVersion: inspections.templateVersion,
			correctionOf: inspections.correctionOf,
			teamId: inspections.teamId,
			createdBy: inspections.createdBy,
			teamName: teams.name
		})
		.from(inspections)
		.leftJoin(teams, eq(teams.id, inspections.teamId))
		.where(
			and(eq(inspections.locationId, locationId), eq(inspections.status, 'submitted'), isNull(inspections.deletedAt))
		)
		.orderBy(desc(inspections.startedAt));
	// A corrected inspection is shown once, as its correction.
	const superseded = new Set(rows.map((row) => row.correctionOf).filter((id): id is string => id !== null));
	const shown = rows.filter((row) => !superseded.has(row.id)).slice(0, HISTORY_LIMIT);
	if (shown.length === 0) return [];

	const persons = await db
		.select({ inspectionId: screenedPersons.inspectionId, result: screenedPersons.result })
		.from(screenedPersons)
		.where(
			and(
				inArray(
					screenedPersons.inspectionId,
					shown.map((row) => row.id)
				),
				isNull(screenedPersons.deletedAt)
			)
		);
	const templates = await templatesOf(db, shown);
	return shown.map((row) => {
		const template = templates.get(`${row.templateId}@${row.templateVersion}`);
		const venueIndicators = template ? indicatorIdsFromAnswers(template, row.answers as never).length : 0;
		const screened = persons.filter((person) => person.inspectionId === row.id);
		const own = scope === null || inTeamScope(scope, row.teamId, row.createdBy);
		return {
			id: own ? row.id : null,
			startedAt: row.startedAt.toISOString(),
			own,
			teamName: own ? row.teamName : null,
			outcome: row.outcome,
			indicatorsFound: venueIndicators,
			personsWithIndicators: own ? screened.filter((person) => person.result !== 'no_indicators').length : null,
			possibleVictims: own ? screened.filter((person) => person.result === POSSIBLE_VICTIM).length : null
		};
	});
}

async function templatesOf(
	db: Db,
	rows: { templateId: string; templateVersion: number }[]
): Promise<Map<string, ChecklistTemplate>> {
	const ids = [...new Set(rows.map((row) => row.templateId))];
	const found = await db
		.select({
			templateId: checklistTemplates.templateId,
			version: checklistTemplates.templateVersion,
			definition: checklistTemplates.definition
		})
		.from(checklistTemplates)
		.where(inArray(checklistTemplates.templateId, ids));
	return new Map(found.map((row) => [`${row.templateId}@${row.version}`, templateSchema.parse(row.definition)]));
}
