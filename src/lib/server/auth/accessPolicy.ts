/**
 * The access matrix (domain/accessPolicy.ts) applied to records: what of an inspection and its
 * persons a user may see, which checklist items and answers reach them, which synced entities their
 * device never receives. Scope (own teams) comes from server/sync/scope.ts; this module adds role and
 * agency. Every server module that hands out field records asks here rather than deciding itself.
 */
import type { Db } from '../db/index.ts';
import type { SessionUser } from '../../domain/auth.ts';
import { checklistOwnersFor, levelOf, may, viewerOf, type AccessSection } from '../../domain/accessPolicy.ts';
import type { SyncEntity } from '../../domain/sync/entities.ts';
import type { ChecklistTemplate } from '../../domain/checklist/template.ts';
import { hiddenItemIds } from '../../domain/checklist/ownership.ts';
import { inTeamScope, scopeOf } from '../sync/scope.ts';
import { victimServicesMayReadPerson } from '../victimServices/access.ts';

/** What a viewer sees of one inspection: nothing (answered as not found), its venue part, person counts, or the persons. */
export type InspectionAccess = 'hidden' | 'venue' | 'counts' | 'persons';

type Visit = { teamId: string | null; createdBy: string | null };

/**
 * Inspectors see their own teams' visits whole and no others; office roles see every visit's venue
 * part, and its person-level records as the matrix's `persons` row says.
 */
export async function inspectionAccess(db: Db, viewer: SessionUser, visit: Visit): Promise<InspectionAccess> {
	if (viewer.role === 'inspector')
		return inTeamScope(await scopeOf(db, viewer), visit.teamId, visit.createdBy) ? 'persons' : 'hidden';
	// A role the matrix does not name sees no visit at all (fail closed). Victim services read the
	// persons referred to them on their own pages (`mayReadPerson`), never a visit.
	if (viewerOf(viewer) === null || viewer.role === 'victim_services') return 'hidden';
	return personLevelOf(viewer, 'persons');
}

/** An office role's view of a person-level row (persons, workers, evidence): the persons, their counts, or the venue part only. */
export function personLevelOf(viewer: SessionUser, section: AccessSection): 'persons' | 'counts' | 'venue' {
	if (may(viewer, section, 'read')) return 'persons';
	return levelOf(viewer, section) === 'counts' ? 'counts' : 'venue';
}

/**
 * Whether the viewer may read one person's record (a screened person, a referral, a photo of people)
 * of the visit it belongs to. The hook for roles that read only some persons — those referred to
 * them — is here: such a role answers from its own link to the person, not from the matrix.
 */
export async function mayReadPerson(
	db: Db,
	viewer: SessionUser,
	person: { id?: string; visit?: Visit }
): Promise<boolean> {
	if (viewer.role === 'victim_services') return person.id ? victimServicesMayReadPerson(db, viewer, person.id) : false;
	return person.visit ? (await inspectionAccess(db, viewer, person.visit)) === 'persons' : false;
}

/** Whether the viewer may read the reflection periods to follow up: off for a role that sees only counts. */
export function mayReadReflectionPeriods(viewer: SessionUser): boolean {
	return may(viewer, 'reflectionPeriods', 'read');
}

/** Whether the viewer may read the evidence log of a visit whose persons they may read. */
export function mayReadEvidence(viewer: SessionUser): boolean {
	return may(viewer, 'evidence', 'read');
}

const entitySections: Partial<Record<SyncEntity, AccessSection>> = {
	evidenceItem: 'evidence',
	custodyTransfer: 'evidence',
	screenedPerson: 'persons',
	referral: 'persons',
	attachment: 'persons',
	checkedWorker: 'workers',
	criminalReport: 'criminalReports',
	labourRecord: 'labourRecord',
	violation: 'labourRecord',
	decision: 'labourRecord'
};

/** The synced entities a user's device never receives: their row of the matrix gives them nothing to read. */
export function entitiesWithheldFrom(user: SessionUser): SyncEntity[] {
	return (Object.entries(entitySections) as [SyncEntity, AccessSection][])
		.filter(([, section]) => !may(user, section, 'read'))
		.map(([entity]) => entity);
}

/** The checklist items the user may not read of a template (their answers are withheld too). */
export function itemsHiddenFrom(user: SessionUser, template: ChecklistTemplate): Set<string> {
	return hiddenItemIds(template, checklistOwnersFor(user, 'read'));
}

/** The checklist items the user may not answer. */
export function itemsClosedTo(user: SessionUser, template: ChecklistTemplate): Set<string> {
	return hiddenItemIds(template, checklistOwnersFor(user, 'write'));
}
