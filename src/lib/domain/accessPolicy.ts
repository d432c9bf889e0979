/**
 * Who may do what with the field's records, by role and agency: the one matrix the server consults
 * (server/auth/accessPolicy.ts applies it with the scope rules; the pull, the push, the inspection
 * page, the photo bytes and the reflection list ask it) and the README's "Who may do what" table is
 * generated from (tests/unit/accessPolicy.test.ts fails when they disagree).
 *
 * An inspector's level holds within their own teams' records only (server/sync/scope.ts); an
 * office role's level holds for every record. A role or agency not named here gets nothing (fail
 * closed): a new role is added as a new column, and person-level reads of a role that reads only
 * some persons plug in at `mayReadPerson` (server/auth/accessPolicy.ts).
 */
import type { ChecklistOwner } from './checklist/template.ts';

export const accessLevels = ['none', 'counts', 'read', 'write'] as const;
export type AccessLevel = (typeof accessLevels)[number];

export const viewers = [
	'inspector.police',
	'inspector.labour',
	'planner',
	'supervisor.police',
	'supervisor.labour',
	'admin',
	'victim_services'
] as const;
export type Viewer = (typeof viewers)[number];

export const viewerLabels: Record<Viewer, string> = {
	'inspector.police': 'inspector, police',
	'inspector.labour': 'inspector, labour inspectorate',
	planner: 'planner (either agency)',
	'supervisor.police': 'supervisor, police',
	'supervisor.labour': 'supervisor, labour inspectorate',
	admin: 'admin',
	victim_services: 'victim services (only persons referred to their organisation)'
};

/** The rows: a part of the checklist or a kind of record. */
export const accessSections = [
	'checklistJoint',
	'checklistLabour',
	'checklistPolice',
	'persons',
	'workers',
	'reflectionPeriods',
	'evidence',
	'criminalReports',
	'labourRecord'
] as const;
export type AccessSection = (typeof accessSections)[number];

export const sectionLabels: Record<AccessSection, string> = {
	checklistJoint: 'checklist items owned jointly (premises, people present)',
	checklistLabour: 'checklist items owned by the labour inspectorate (registration, contracts, wages, working time)',
	checklistPolice: 'checklist items owned by the police (coercion, documents held, sexual services, weapons, drugs)',
	persons: 'screened persons, referrals, photo bytes (person-level)',
	workers: 'workers checked (person-level)',
	reflectionPeriods: 'reflection periods to follow up (`/coverage/reflection`)',
	evidence: 'evidence log and chain of custody (person-level)',
	criminalReports: 'criminal reports (counts by offence, no identities)',
	labourRecord: 'labour record, violations, decisions'
};

const row = (levels: Record<Viewer, AccessLevel>) => levels;

export const accessMatrix: Record<AccessSection, Record<Viewer, AccessLevel>> = {
	checklistJoint: row({
		'inspector.police': 'write',
		'inspector.labour': 'write',
		planner: 'read',
		'supervisor.police': 'read',
		'supervisor.labour': 'read',
		admin: 'read',
		victim_services: 'none'
	}),
	// A police-only team answers the administrative questions too (a joint team's labour inspector
	// normally does): the registration question is required on every visit.
	checklistLabour: row({
		'inspector.police': 'write',
		'inspector.labour': 'write',
		planner: 'read',
		'supervisor.police': 'read',
		'supervisor.labour': 'read',
		admin: 'read',
		victim_services: 'none'
	}),
	// Observations about a crime stay with the police: the labour inspectorate's phones and pages never
	// hold them, and a planner plans from the venue part without them.
	checklistPolice: row({
		'inspector.police': 'write',
		'inspector.labour': 'none',
		planner: 'none',
		'supervisor.police': 'read',
		'supervisor.labour': 'none',
		admin: 'read',
		victim_services: 'none'
	}),
	persons: row({
		'inspector.police': 'write',
		'inspector.labour': 'write',
		planner: 'none',
		'supervisor.police': 'read',
		'supervisor.labour': 'counts',
		admin: 'read',
		victim_services: 'read'
	}),
	workers: row({
		'inspector.police': 'read',
		'inspector.labour': 'write',
		planner: 'none',
		'supervisor.police': 'read',
		'supervisor.labour': 'counts',
		admin: 'read',
		victim_services: 'none'
	}),
	reflectionPeriods: row({
		'inspector.police': 'read',
		'inspector.labour': 'read',
		planner: 'none',
		'supervisor.police': 'read',
		'supervisor.labour': 'none',
		admin: 'read',
		victim_services: 'none'
	}),
	evidence: row({
		'inspector.police': 'write',
		'inspector.labour': 'none',
		planner: 'none',
		'supervisor.police': 'read',
		'supervisor.labour': 'none',
		admin: 'read',
		victim_services: 'none'
	}),
	criminalReports: row({
		'inspector.police': 'write',
		'inspector.labour': 'read',
		planner: 'read',
		'supervisor.police': 'read',
		'supervisor.labour': 'read',
		admin: 'read',
		victim_services: 'none'
	}),
	labourRecord: row({
		'inspector.police': 'read',
		'inspector.labour': 'write',
		planner: 'read',
		'supervisor.police': 'read',
		'supervisor.labour': 'read',
		admin: 'read',
		victim_services: 'none'
	})
};

export type PolicyUser = { role: string; agencyCode: string };

/** The matrix's column for a user; null (nothing at all) for a role or agency it does not name. */
export function viewerOf(user: PolicyUser): Viewer | null {
	if (user.role === 'planner' || user.role === 'admin' || user.role === 'victim_services') return user.role;
	if (
		(user.role === 'inspector' || user.role === 'supervisor') &&
		(user.agencyCode === 'police' || user.agencyCode === 'labour')
	)
		return `${user.role}.${user.agencyCode}`;
	return null;
}

export function levelOf(user: PolicyUser, section: AccessSection): AccessLevel {
	const viewer = viewerOf(user);
	return viewer === null ? 'none' : accessMatrix[section][viewer];
}

/** Whether `level` grants at least `wanted` (write includes read, read includes counts). */
export function grants(level: AccessLevel, wanted: AccessLevel): boolean {
	return accessLevels.indexOf(level) >= accessLevels.indexOf(wanted);
}

export function may(user: PolicyUser, section: AccessSection, wanted: AccessLevel): boolean {
	return grants(levelOf(user, section), wanted);
}

const checklistSectionOf: Record<ChecklistOwner, AccessSection> = {
	joint: 'checklistJoint',
	labour: 'checklistLabour',
	police: 'checklistPolice'
};

/** Which owners' checklist items a user may read (or write). */
export function checklistOwnersFor(user: PolicyUser, wanted: 'read' | 'write'): (owner: ChecklistOwner) => boolean {
	return (owner) => may(user, checklistSectionOf[owner], wanted);
}

/** The README's table, generated from the matrix: README and policy cannot drift apart. */
export function matrixTable(): string {
	const header = `| entity / section | ${viewers.map((viewer) => viewerLabels[viewer]).join(' | ')} |`;
	const rule = `|---|${viewers.map(() => '---').join('|')}|`;
	const rows = accessSections.map(
		(section) => `| ${sectionLabels[section]} | ${viewers.map((viewer) => accessMatrix[section][viewer]).join(' | ')} |`
	);
	return [header, rule, ...rows].join('\n');
}
