/**
 * Control inspections: the visit that checks whether an order to remedy was obeyed. The server makes
 * them; nobody creates one by hand. A violation with a remedy deadline, recorded on a submitted
 * inspection, puts its venue in the control inspection of that inspection due on that day (one per
 * distinct deadline, so a violation is never checked before its own deadline). A planner plans it
 * like any venue: assigning the venue to a team links the control to the assignment, and the team's
 * devices pull it with the violations to check (copied in, so the team need not hold the earlier
 * visit). Each check the team records settles it: done when every violation is remedied, escalated
 * when one is not (a fine, proceedings, a closure follow), due while one is unchecked. Overdue is not
 * stored: a control still due after its day, judged on the reader's day.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.ts';
import { assignments, controlInspections, inspections, operations, violationChecks, violations } from '../db/schema.ts';
import { insertSynced, ledger, updateSynced, type Ledger, type SyncedRow } from '../records/syncedWrite.ts';
import type { ChangeInput } from '../sync/changeFeed.ts';
import type { ControlViolation } from '../../domain/records/referenceRecords.ts';
import type { ControlStatus } from '../../domain/records/codes.ts';
import { sameValue } from '../../domain/sync/threeWayMerge.ts';

type Control = SyncedRow<'controlInspection'>;

/** Who may pull a control: the team it is assigned to; nobody while it is unplanned. */
const scopeOf = (control: Pick<Control, 'teamId'>) => ({ teamId: control.teamId, restricted: false });

async function controlsOfSource(tx: Tx, sourceInspectionId: string): Promise<Control[]> {
	return tx
		.select()
		.from(controlInspections)
		.where(and(eq(controlInspections.sourceInspectionId, sourceInspectionId), isNull(controlInspections.deletedAt)))
		.orderBy(asc(controlInspections.dueOn))
		.for('update');
}

/**
 * Brings the control inspections of one inspection in line with its violations' deadlines: called
 * after a violation of it is written and when it is submitted. Violations count only once their
 * visit is submitted (a draft may still change or be discarded); a control whose violations all moved
 * to another day or were removed is cancelled, never deleted: a team may already hold it.
 */
export async function syncControlsOf(
	tx: Tx,
	sourceInspectionId: string,
	actorId: string | null,
	book: Ledger = ledger(tx)
): Promise<void> {
	const [source] = await tx
		.select({
			locationId: inspections.locationId,
			status: inspections.status,
			deletedAt: inspections.deletedAt,
			submittedAt: inspections.submittedAt
		})
		.from(inspections)
		.where(eq(inspections.id, sourceInspectionId));
	if (!source) return;
	const counted = source.status === 'submitted' && !source.deletedAt;
	const ordered = counted
		? await tx
				.select({ violationId: violations.id, kindId: violations.kindId, deadline: violations.remedyDeadline })
				.from(violations)
				.where(
					and(
						eq(violations.inspectionId, sourceInspectionId),
						isNull(violations.deletedAt),
						sql`${violations.remedyDeadline} is not null`
					)
				)
				.orderBy(asc(violations.remedyDeadline), asc(violations.id))
		: [];
	const wanted = new Map<string, ControlViolation[]>();
	for (const v of ordered) {
		const day = v.deadline!;
		wanted.set(day, [...(wanted.get(day) ?? []), { violationId: v.violationId, kindId: v.kindId, deadline: day }]);
	}
	const existing = await controlsOfSource(tx, sourceInspectionId);
	for (const control of existing) {
		const list = wanted.get(control.dueOn) ?? [];
		wanted.delete(control.dueOn);
		await rewrite(tx, control, list, actorId, book);
	}
	for (const [dueOn, list] of wanted) {
		const id = randomUUID();
		const values = {
			id,
			locationId: source.locationId,
			sourceInspectionId,
			dueOn,
			status: 'due' as const,
			violations: list,
			assignmentId: null,
			teamId: null
		};
		await insertSynced(
			tx,
			{
				entity: 'controlInspection',
				values,
				scope: scopeOf(values),
				audit: {
					userId: actorId,
					action: 'control.create',
					summary: `source=${sourceInspectionId} due=${dueOn} violations=${list.length}`
				}
			},
			book
		);
		await linkToPlannedVisit(tx, values, actorId, book);
	}
}

/** A control's violations replaced, and its status settled again from the checks recorded. */
async function rewrite(
	tx: Tx,
	control: Control,
	list: ControlViolation[],
	actorId: string | null,
	book: Ledger
): Promise<void> {
	const status = list.length === 0 ? 'cancelled' : (await settledStatus(tx, control.id, list)).status;
	if (status === control.status && sameValue(list, control.violations)) return;
	await updateSynced(
		tx,
		{
			entity: 'controlInspection',
			id: control.id,
			set: { violations: list, status, closedAt: closedAt(control, status) },
			scope: scopeOf(control),
			replaces: control,
			audit: { userId: actorId, action: 'control.update', summary: `status=${status} violations=${list.length}` }
		},
		book
	);
}

const isClosed = (status: ControlStatus) => status === 'done' || status === 'escalated';

function closedAt(control: Pick<Control, 'status' | 'closedAt'>, status: ControlStatus): Date | null {
	if (!isClosed(status)) return null;
	return isClosed(control.status) && control.closedAt ? control.closedAt : new Date();
}

/**
 * The status the checks give: each violation's latest check counts (a team may correct itself);
 * done when all are remedied, escalated once all are checked and one is not, due before that.
 */
async function settledStatus(
	tx: Db,
	controlId: string,
	list: readonly ControlViolation[]
): Promise<{ status: ControlStatus; inspectionId: string | null }> {
	const checks = await tx
		.select({
			violationId: violationChecks.violationId,
			result: violationChecks.result,
			inspectionId: violationChecks.inspectionId
		})
		.from(violationChecks)
		.where(and(eq(violationChecks.controlInspectionId, controlId), isNull(violationChecks.deletedAt)))
		.orderBy(desc(violationChecks.updatedAt));
	const latest = new Map<string, (typeof checks)[number]>();
	for (const check of checks) if (!latest.has(check.violationId)) latest.set(check.violationId, check);
	const results = list.map((v) => latest.get(v.violationId));
	if (results.some((r) => r === undefined)) return { status: 'due', inspectionId: null };
	const status = results.some((r) => r!.result === 'not_remedied') ? 'escalated' : 'done';
	return { status, inspectionId: checks[0]?.inspectionId ?? null };
}

/** After a check is written or removed: the control's status from all its checks. */
export async function settleControl(
	tx: Tx,
	controlId: string,
	actorId: string | null,
	book: Ledger = ledger(tx)
): Promise<void> {
	const [control] = await tx
		.select()
		.from(controlInspections)
		.where(and(eq(controlInspections.id, controlId), isNull(controlInspections.deletedAt)))
		.for('update');
	if (!control || control.status === 'cancelled') return;
	const settled = await settledStatus(tx, controlId, control.violations);
	const doneInspectionId = settled.status === 'due' ? null : settled.inspectionId;
	if (settled.status === control.status && doneInspectionId === control.doneInspectionId) return;
	await updateSynced(
		tx,
		{
			entity: 'controlInspection',
			id: controlId,
			set: { status: settled.status, doneInspectionId, closedAt: closedAt(control, settled.status) },
			scope: scopeOf(control),
			replaces: control,
			audit: { userId: actorId, action: 'control.settle', summary: `status=${settled.status}` }
		},
		book
	);
}

/**
 * A new control goes with a visit already planned at its venue on or after its day (a pending
 * assignment of an operation not yet over), so the team that goes checks it without a planner
 * linking it by hand. Never with an earlier visit: an order is checked once its deadline has passed.
 */
async function linkToPlannedVisit(
	tx: Tx,
	control: { id: string; locationId: string; dueOn: string },
	actorId: string | null,
	book: Ledger
): Promise<void> {
	const [planned] = await tx
		.select({ id: assignments.id, teamId: assignments.teamId })
		.from(assignments)
		.innerJoin(operations, eq(operations.id, assignments.operationId))
		.where(
			and(
				eq(assignments.locationId, control.locationId),
				eq(assignments.status, 'pending'),
				isNull(assignments.deletedAt),
				inArray(operations.status, ['planned', 'active']),
				gte(operations.date, control.dueOn)
			)
		)
		.orderBy(asc(operations.date))
		.limit(1);
	if (planned) await relink(tx, control.id, planned, actorId, book);
}

/**
 * Links, moves or unlinks a control with an assignment of its venue. The team it leaves gets a delete
 * first: its devices will never see the change scoped to the new team (as a moved assignment).
 */
async function relink(
	tx: Tx,
	controlId: string,
	to: { id: string; teamId: string } | null,
	actorId: string | null,
	book: Ledger
): Promise<void> {
	const [control] = await tx
		.select()
		.from(controlInspections)
		.where(eq(controlInspections.id, controlId))
		.for('update');
	if (!control) return;
	const teamId = to?.teamId ?? null;
	if (control.assignmentId === (to?.id ?? null) && control.teamId === teamId) return;
	const before: ChangeInput[] =
		control.teamId && control.teamId !== teamId
			? [
					{
						entity: 'controlInspection',
						recordId: controlId,
						op: 'delete',
						version: control.version,
						teamId: control.teamId
					}
				]
			: [];
	await updateSynced(
		tx,
		{
			entity: 'controlInspection',
			id: controlId,
			set: { assignmentId: to?.id ?? null, teamId },
			scope: scopeOf({ teamId }),
			before,
			replaces: control,
			audit: {
				userId: actorId,
				action: 'control.plan',
				summary: `assignment=${to?.id ?? 'none'} team=${teamId ?? 'none'}`
			}
		},
		book
	);
}

/**
 * New assignments of an operation on `day`: each due control of their venues not yet planned, due
 * by that day, goes with them (one due later waits for a visit after its deadline).
 */
export async function planControlsFor(
	tx: Tx,
	actorId: string,
	day: string,
	planned: readonly { id: string; teamId: string; locationId: string }[]
): Promise<void> {
	if (planned.length === 0) return;
	const controls = await tx
		.select({ id: controlInspections.id, locationId: controlInspections.locationId })
		.from(controlInspections)
		.where(
			and(
				inArray(
					controlInspections.locationId,
					planned.map((p) => p.locationId)
				),
				eq(controlInspections.status, 'due'),
				lte(controlInspections.dueOn, day),
				isNull(controlInspections.assignmentId),
				isNull(controlInspections.deletedAt)
			)
		);
	for (const control of controls) {
		const assignment = planned.find((p) => p.locationId === control.locationId)!;
		await relink(tx, control.id, assignment, actorId, ledger(tx));
	}
}

/**
 * An assignment moved to another team, or removed: its controls still due follow it, or wait to be
 * planned again. A settled control stays with the team that carried it out.
 */
export async function followAssignment(
	tx: Tx,
	actorId: string,
	assignmentId: string,
	to: { id: string; teamId: string } | null
): Promise<void> {
	const linked = await tx
		.select({ id: controlInspections.id })
		.from(controlInspections)
		.where(
			and(
				eq(controlInspections.assignmentId, assignmentId),
				eq(controlInspections.status, 'due'),
				isNull(controlInspections.deletedAt)
			)
		);
	for (const control of linked) await relink(tx, control.id, to, actorId, ledger(tx));
}
