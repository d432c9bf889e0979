/**
 * The operation embargo (docs/DOMAIN.md, "Planning in secret"): an operation is planned in secret
 * and is seen only by the people on its need-to-know list (`operation_commanders`) until it is
 * released — by one of them, or on its own once the briefing time the planner set (`release_at`)
 * has passed. "Released" is decided here and only here (`releasedSql`, `isReleased`), so no job has
 * to run for an operation to count as released; the pull scope (sync/scope.ts), every planning page
 * and API (`requireOperationVisible`) and every list (`visibleOperationSql`) ask this module.
 *
 * Devices learn of a release through the ordinary pull: records written before it sit in the feed
 * below every device's cursor, so a release appends them again (`releaseFeed`, as a newcomer to a
 * team is welcomed in planning/teams.ts). A withdrawal appends deletes addressed to each member, as
 * when someone leaves a team. Both happen at once when a person presses the button; the automatic
 * release at `release_at` and the expiry from devices are emitted by `embargoMaintenance`, which
 * the pull runs first (sync/deviceHolding.ts).
 */
import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.ts';
import { assignments, operationCommanders, operations, teamMembers, teams, users } from '../db/schema.ts';
import type { SessionUser } from '../../domain/auth.ts';
import { audit } from '../audit/log.ts';
import { isUuid, NotAllowedError, UserInputError } from '../errors.ts';
import { announce, audited, updateSynced, type SyncedRow } from '../records/syncedWrite.ts';
import type { ChangeInput } from '../sync/changeFeed.ts';
import { releaseInstant, releaseLocal } from '../../domain/planning/releaseTime.ts';
import type { OperationEmbargoView } from '../../domain/views/planning.ts';
import { expiredSql, expiryCutoffDay, isReleased, releasedSql } from './released.ts';

export { expiredSql, isReleased, releasedSql };
import { departureFeed, welcomeFeed } from './teams.ts';
import { lockRow } from './records.ts';

type OperationRow = SyncedRow<'operation'>;

export type EmbargoState = 'unreleased' | 'released' | 'withdrawn' | 'expired';

export function embargoState(
	operation: Pick<OperationRow, 'releasedAt' | 'releaseAt' | 'withdrawnAt' | 'expiredAt' | 'date'>,
	now = new Date()
): EmbargoState {
	if (!isReleased(operation, now)) return operation.withdrawnAt ? 'withdrawn' : 'unreleased';
	if (operation.expiredAt || operation.date < expiryCutoffDay(now)) return 'expired';
	return 'released';
}

/** Whether the user is on the operation's need-to-know list. */
export async function onNeedToKnow(db: Db, user: SessionUser, operationId: string): Promise<boolean> {
	const [row] = await db
		.select({ userId: operationCommanders.userId })
		.from(operationCommanders)
		.where(and(eq(operationCommanders.operationId, operationId), eq(operationCommanders.userId, user.id)));
	return row !== undefined;
}

/**
 * For lists read on server pages: an operation the user may see — released, or on their list.
 * Use as a condition beside `operations` in the query.
 */
export function visibleOperationSql(user: SessionUser, now = new Date()): SQL {
	return or(
		releasedSql(now),
		inArray(
			operations.id,
			sql`(select ${operationCommanders.operationId} from ${operationCommanders} where ${operationCommanders.userId} = ${user.id})`
		)
	)!;
}

/** Ids, among those given, of operations the user may not see (for lists built in code). */
export async function hiddenOperationIds(db: Db, user: SessionUser, ids: string[]): Promise<Set<string>> {
	const unique = [...new Set(ids)];
	if (unique.length === 0) return new Set();
	const visible = await db
		.select({ id: operations.id })
		.from(operations)
		.where(and(inArray(operations.id, unique), visibleOperationSql(user)));
	const seen = new Set(visible.map((r) => r.id));
	return new Set(unique.filter((id) => !seen.has(id)));
}

export type OperationView = 'page' | 'print' | 'export' | 'api' | 'write';

/**
 * The wall for every page, print, export and API of one operation: an unreleased operation answers
 * 404 (like a missing id) to anyone not on its list; a view of it by someone on the list is
 * audited. Returns the operation row.
 */
export async function requireOperationVisible(
	db: Db,
	user: SessionUser,
	operationId: string,
	view: OperationView
): Promise<OperationRow> {
	const [operation] = isUuid(operationId)
		? await db.select().from(operations).where(eq(operations.id, operationId))
		: [];
	if (!operation || operation.deletedAt) throw new UserInputError('id', 'no such operation', 404);
	if (isReleased(operation)) return operation;
	if (!(await onNeedToKnow(db, user, operationId))) throw new UserInputError('id', 'no such operation', 404);
	if (view !== 'write') {
		await audit(db, {
			userId: user.id,
			action: 'operation.view_embargoed',
			entity: 'operation',
			recordId: operationId,
			summary: `view=${view}`
		});
	}
	return operation;
}

/** The same wall for a team or an assignment id: through the operation it belongs to. */
export async function requireVisibleVia(
	db: Db,
	user: SessionUser,
	entity: 'team' | 'assignment',
	id: string
): Promise<OperationRow> {
	const table = entity === 'team' ? teams : assignments;
	const [row] = isUuid(id)
		? await db.select({ operationId: table.operationId }).from(table).where(eq(table.id, id))
		: [];
	if (!row) throw new UserInputError('id', `no such ${entity}`, 404);
	try {
		return await requireOperationVisible(db, user, row.operationId, 'write');
	} catch (error) {
		if (error instanceof UserInputError) throw new UserInputError('id', `no such ${entity}`, 404);
		throw error;
	}
}

/** Who may release, withdraw and keep the list: the people on it (planners, admins, commanders). */
async function requireOnList(tx: Db, actor: SessionUser, operationId: string): Promise<void> {
	if (actor.role === 'inspector') throw new NotAllowedError('role', 'inspectors do not release operations');
	if (!(await onNeedToKnow(tx, actor, operationId))) throw new UserInputError('id', 'no such operation', 404);
}

async function teamsOf(tx: Db, operationId: string) {
	return tx
		.select({ id: teams.id, version: teams.version, operationId: teams.operationId })
		.from(teams)
		.where(and(eq(teams.operationId, operationId), isNull(teams.deletedAt)));
}

async function membersOf(tx: Db, teamId: string): Promise<string[]> {
	const rows = await tx.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, teamId));
	return rows.map((r) => r.userId);
}

/**
 * Feed rows that hand every member's device the operation, its teams, their assignments and any
 * field records they made: the rows written before the release lie below the devices' cursors.
 */
async function releaseFeed(tx: Db, operation: { id: string; version: number }): Promise<ChangeInput[]> {
	const rows: ChangeInput[] = [];
	for (const team of await teamsOf(tx, operation.id)) {
		rows.push({
			entity: 'team',
			recordId: team.id,
			op: 'upsert',
			version: team.version,
			teamId: team.id,
			operationId: operation.id
		});
		rows.push(...(await welcomeFeed(tx, operation, team.id)));
	}
	return rows;
}

/**
 * Deletes addressed to each member (no team id: nobody else reads them) for the operation, its
 * teams and assignments — and, for a withdrawal, the teams' field records (as when someone leaves a
 * team). The expiry leaves the field records: they are the evidence, sent or about to be.
 */
async function dropFeed(
	tx: Db,
	operation: { id: string; version: number },
	withFieldRecords: boolean
): Promise<ChangeInput[]> {
	const rows: ChangeInput[] = [];
	const everyone = new Set<string>();
	for (const team of await teamsOf(tx, operation.id)) {
		const members = await membersOf(tx, team.id);
		members.forEach((m) => everyone.add(m));
		rows.push(...(await departureFeed(tx, team, members, withFieldRecords)));
	}
	for (const userId of everyone)
		rows.push({ entity: 'operation', recordId: operation.id, op: 'delete', version: operation.version, userId });
	return rows;
}

/** Releases the operation now (by a person on its list): audited, and sent to the members' devices. */
export async function releaseOperation(db: Db, actor: SessionUser, operationId: string): Promise<void> {
	await db.transaction(async (tx) => {
		const operation = await lockRow(tx, 'operation', operationId);
		await requireOnList(tx, actor, operationId);
		if (operation.releasedAt && !operation.withdrawnAt) return;
		const now = new Date();
		const version = await updateSynced(tx, {
			entity: 'operation',
			id: operationId,
			set: { releasedAt: now, withdrawnAt: null, releaseSentAt: now },
			scope: { operationId },
			audit: { userId: actor.id, action: 'operation.release' }
		});
		// A release sent already (at the briefing time) needs no second copy on the devices.
		if (!operation.releaseSentAt || operation.withdrawnAt)
			await announce(tx, await releaseFeed(tx, { id: operationId, version }));
	});
}

/** Puts a postponed operation back under embargo; the members' devices drop it. */
export async function withdrawOperation(db: Db, actor: SessionUser, operationId: string): Promise<void> {
	await db.transaction(async (tx) => {
		const operation = await lockRow(tx, 'operation', operationId);
		await requireOnList(tx, actor, operationId);
		if (!isReleased(operation)) throw new UserInputError('status', 'the operation is not released', 409);
		const version = await updateSynced(tx, {
			entity: 'operation',
			id: operationId,
			// The briefing time is cleared too, or the operation would be released again at once.
			set: { releasedAt: null, releaseAt: null, releaseSentAt: null, withdrawnAt: new Date() },
			scope: { operationId },
			audit: { userId: actor.id, action: 'operation.withdraw' }
		});
		await announce(tx, await dropFeed(tx, { id: operationId, version }, true));
	});
}

/** Sets (or clears) the briefing time at which the operation releases itself. */
export async function setReleaseTime(
	db: Db,
	actor: SessionUser,
	operationId: string,
	releaseAt: Date | null
): Promise<void> {
	await db.transaction(async (tx) => {
		const operation = await lockRow(tx, 'operation', operationId);
		await requireOnList(tx, actor, operationId);
		if (isReleased(operation)) throw new UserInputError('releaseAt', 'the operation is already released', 409);
		await updateSynced(tx, {
			entity: 'operation',
			id: operationId,
			// A new briefing time plans a withdrawn operation again: it is released when the time comes.
			set: releaseAt ? { releaseAt, withdrawnAt: null } : { releaseAt },
			scope: { operationId },
			audit: {
				userId: actor.id,
				action: 'operation.release_time',
				summary: `at=${releaseAt ? releaseAt.toISOString() : 'none'}`
			}
		});
	});
}

export type Commander = { userId: string; displayName: string; username: string; role: string };

export async function commandersOf(db: Db, operationId: string): Promise<Commander[]> {
	return db
		.select({ userId: users.id, displayName: users.displayName, username: users.username, role: users.role })
		.from(operationCommanders)
		.innerJoin(users, eq(users.id, operationCommanders.userId))
		.where(eq(operationCommanders.operationId, operationId))
		.orderBy(users.displayName);
}

/** People who may be put on a list: active planners, supervisors and admins. */
export async function commanderCandidates(db: Db): Promise<Commander[]> {
	return db
		.select({ userId: users.id, displayName: users.displayName, username: users.username, role: users.role })
		.from(users)
		.where(and(eq(users.active, true), inArray(users.role, ['planner', 'supervisor', 'admin'])))
		.orderBy(users.displayName);
}

/** Adds the planner who creates an operation to its list, in the creating transaction. */
export async function addCreator(tx: Tx, operationId: string, userId: string): Promise<void> {
	await tx.insert(operationCommanders).values({ operationId, userId }).onConflictDoNothing();
}

export async function addCommander(db: Db, actor: SessionUser, operationId: string, userId: string): Promise<void> {
	await db.transaction(async (tx) => {
		await lockRow(tx, 'operation', operationId);
		await requireOnList(tx, actor, operationId);
		const [user] = isUuid(userId)
			? await tx.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, userId))
			: [];
		if (!user || !user.active || user.role === 'inspector')
			throw new UserInputError('userId', 'only an active planner, supervisor or admin can be on the list');
		await tx.insert(operationCommanders).values({ operationId, userId }).onConflictDoNothing();
		await audited(tx, {
			userId: actor.id,
			action: 'operation.commander_add',
			entity: 'operation',
			recordId: operationId,
			summary: `user=${userId}`
		});
	});
}

export async function removeCommander(db: Db, actor: SessionUser, operationId: string, userId: string): Promise<void> {
	await db.transaction(async (tx) => {
		await lockRow(tx, 'operation', operationId);
		await requireOnList(tx, actor, operationId);
		const list = await tx
			.select({ userId: operationCommanders.userId })
			.from(operationCommanders)
			.where(eq(operationCommanders.operationId, operationId));
		if (!list.some((c) => c.userId === userId)) throw new UserInputError('userId', 'not on the list', 404);
		if (list.length === 1) throw new UserInputError('userId', 'the list cannot be left empty', 409);
		await tx
			.delete(operationCommanders)
			.where(and(eq(operationCommanders.operationId, operationId), eq(operationCommanders.userId, userId)));
		await audited(tx, {
			userId: actor.id,
			action: 'operation.commander_remove',
			entity: 'operation',
			recordId: operationId,
			summary: `user=${userId}`
		});
	});
}

/** How many operations one pull releases or expires at most: a backlog (a first start) drains over a few pulls. */
const OPERATIONS_PER_PULL = 100;

/**
 * Emits, once each, the feed rows of what became due without anyone pressing a button: operations
 * past their briefing time (released by the clock) and operations past their date plus the expiry
 * days (their target list leaves the devices). The pull runs it before reading a page, so a device
 * never reads a page of a released operation before its earlier records were appended again; the
 * markers (`release_sent_at`, `expired_at`) are set in the same transaction under the row's lock,
 * so concurrent pulls emit each once. No timer is needed: a release or expiry nobody pulls yet
 * has nobody to tell.
 */
export async function embargoMaintenance(db: Db, now = new Date()): Promise<{ released: number; expired: number }> {
	const dueRelease = await db
		.select({ id: operations.id })
		.from(operations)
		.where(
			and(
				isNull(operations.deletedAt),
				isNull(operations.releaseSentAt),
				isNull(operations.expiredAt),
				releasedSql(now)
			)
		)
		.limit(OPERATIONS_PER_PULL);
	const dueExpiry = await db
		.select({ id: operations.id })
		.from(operations)
		.where(
			and(isNull(operations.deletedAt), isNull(operations.expiredAt), sql`${operations.date} < ${expiryCutoffDay(now)}`)
		)
		.limit(OPERATIONS_PER_PULL);
	let released = 0;
	let expired = 0;
	for (const { id } of dueRelease) {
		await db.transaction(async (tx) => {
			const operation = await lockRow(tx, 'operation', id);
			if (operation.releaseSentAt || operation.expiredAt || !isReleased(operation, now)) return;
			await tx
				.update(operations)
				.set({ releaseSentAt: now, releasedAt: operation.releasedAt ?? operation.releaseAt })
				.where(eq(operations.id, id));
			await announce(tx, await releaseFeed(tx, operation));
			await audited(tx, {
				userId: null,
				action: 'operation.release_due',
				entity: 'operation',
				recordId: id,
				summary: ''
			});
			released++;
		});
	}
	for (const { id } of dueExpiry) {
		await db.transaction(async (tx) => {
			const operation = await lockRow(tx, 'operation', id);
			if (operation.expiredAt) return;
			await tx.update(operations).set({ expiredAt: now }).where(eq(operations.id, id));
			// Only a released operation ever reached a device.
			if (operation.releaseSentAt && isReleased(operation, now))
				await announce(tx, await dropFeed(tx, operation, false));
			// The phone's offline map area of the operation goes with these deletes: it lives exactly
			// as long as the target list on the device (client/map/basemap/offlineAreas.svelte.ts).
			expired++;
		});
	}
	return { released, expired };
}

/** A `datetime-local` briefing time (empty clears it); text that is not one is refused naming the field. */
export function readReleaseTime(text: string): Date | null {
	if (text.trim() === '') return null;
	const at = releaseInstant(text);
	if (!at) throw new UserInputError('releaseAt', 'a date and time is needed');
	return at;
}

/**
 * The operation's embargo for its page (the wall, and the audit of a view under embargo, first):
 * null when the reader may not see the operation.
 */
export async function operationEmbargo(
	db: Db,
	user: SessionUser,
	operationId: string,
	view: OperationView
): Promise<OperationEmbargoView | null> {
	let operation: OperationRow;
	try {
		operation = await requireOperationVisible(db, user, operationId, view);
	} catch (error) {
		if (error instanceof UserInputError) return null;
		throw error;
	}
	const commanders = await commandersOf(db, operationId);
	const onList = commanders.some((c) => c.userId === user.id);
	const iso = (at: Date | null) => (at ? at.toISOString() : null);
	return {
		state: embargoState(operation),
		releasedAt: iso(operation.releasedAt),
		releaseAt: operation.releaseAt ? releaseLocal(operation.releaseAt) : null,
		withdrawnAt: iso(operation.withdrawnAt),
		expiredAt: iso(operation.expiredAt),
		onList,
		commanders,
		candidates: onList
			? (await commanderCandidates(db)).filter((c) => !commanders.some((m) => m.userId === c.userId))
			: []
	};
}
