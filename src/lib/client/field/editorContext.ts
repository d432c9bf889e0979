/** What the inspection editor shows around the record: the venue, the team, the template version. */
import type { LocalDb } from '../db.ts';
import type {
	AssignmentRecord,
	TeamRecord,
	TemplateRecord,
	VenueRecord
} from '../../domain/records/referenceRecords.ts';
import type { ChecklistTemplate } from '../../domain/checklist/template.ts';
import { calendarDay } from '../../domain/field/teamDays.ts';
import {
	readAssignment,
	readNewestTemplate,
	readTeam,
	readTeamsOnDay,
	readTemplate,
	readVenue,
	type InspectionRow
} from './records.ts';

export type EditorContext = { venue: VenueRecord | null; team: TeamRecord | null; template: ChecklistTemplate | null };

export async function readEditorContext(db: LocalDb, inspection: InspectionRow): Promise<EditorContext> {
	const [venue, team, template] = await Promise.all([
		readVenue(db, inspection.locationId),
		inspection.teamId ? readTeam(db, inspection.teamId) : null,
		readTemplate(db, inspection.templateId, inspection.templateVersion)
	]);
	return { venue, team, template: template?.definition ?? null };
}

export type StartContext = {
	venue: VenueRecord;
	assignment: AssignmentRecord | null;
	team: TeamRecord | null;
	template: TemplateRecord | null;
};

/**
 * Before the first write: the assignment being started (its venue and team), or for an unplanned
 * visit the venue and the team the inspector is on today.
 */
export async function readStartContext(
	db: LocalDb,
	userId: string,
	from: { assignmentId: string | null; locationId: string | null },
	now = new Date()
): Promise<StartContext | null> {
	const template = await readNewestTemplate(db);
	if (from.assignmentId) {
		const assignment = await readAssignment(db, from.assignmentId);
		if (!assignment) return null;
		const [venue, team] = await Promise.all([readVenue(db, assignment.locationId), readTeam(db, assignment.teamId)]);
		return venue ? { venue, assignment, team, template } : null;
	}
	if (from.locationId) {
		const venue = await readVenue(db, from.locationId);
		if (!venue) return null;
		const [team] = await readTeamsOnDay(db, userId, calendarDay(now));
		return { venue, assignment: null, team: team ?? null, template };
	}
	return null;
}
