/**
 * The admin's catalogue of labour violations (domain/labour/violationKinds.ts): seeded on start
 * when a kind is absent, listed, added, edited and deactivated on /admin/violations. Reference data
 * every inspector's device pulls, so each write goes through records/syncedWrite.ts with the
 * everyone scope. A kind is never deleted: the violations recorded with it keep their kind.
 */
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { violationKinds } from '../db/schema.ts';
import type { SessionUser } from '../../domain/auth.ts';
import { seedViolationKinds, type ViolationKindEdit } from '../../domain/labour/violationKinds.ts';
import type { ViolationKindRecord } from '../../domain/records/referenceRecords.ts';
import { insertSynced, lockSynced, updateSynced, type NewSynced } from '../records/syncedWrite.ts';
import { requireUuid, UserInputError } from '../errors.ts';

/** Adds the starter kinds a database lacks (by id or code); kinds an admin changed are never touched. */
export async function seedViolationKindsIfAbsent(db: Db): Promise<number> {
	try {
		return await db.transaction(async (tx) => {
			const held = await tx.select({ id: violationKinds.id, code: violationKinds.code }).from(violationKinds);
			const ids = new Set(held.map((row) => row.id));
			const codes = new Set(held.map((row) => row.code));
			const values: NewSynced<'violationKind'>[] = seedViolationKinds
				.filter((row) => !ids.has(row.id) && !codes.has(row.code))
				.map((row) => ({ ...row, active: true }));
			if (values.length === 0) return 0;
			await insertSynced(tx, {
				entity: 'violationKind',
				values,
				scope: {},
				audit: { userId: null, action: 'violationKind.seed', summary: () => `kinds=${values.length}` }
			});
			return values.length;
		});
	} catch (error) {
		// Another instance of the server seeded them first.
		if (/duplicate key|violation_kinds/.test(String(error))) return 0;
		throw error;
	}
}

export async function listViolationKinds(db: Db): Promise<ViolationKindRecord[]> {
	return db
		.select({
			id: violationKinds.id,
			code: violationKinds.code,
			titleSq: violationKinds.titleSq,
			titleSr: violationKinds.titleSr,
			titleEn: violationKinds.titleEn,
			legalBasis: violationKinds.legalBasis,
			severity: violationKinds.severity,
			active: violationKinds.active
		})
		.from(violationKinds)
		.orderBy(asc(violationKinds.code));
}

async function codeTaken(db: Db, code: string, exceptId?: string): Promise<boolean> {
	const rows = await db.select({ id: violationKinds.id }).from(violationKinds).where(eq(violationKinds.code, code));
	return rows.some((row) => row.id !== exceptId);
}

/** Adds a kind, or changes one when `id` is given; audited, pulled by every inspector. */
export async function saveViolationKind(
	db: Db,
	admin: SessionUser,
	edit: ViolationKindEdit,
	id?: string
): Promise<string> {
	return db.transaction(async (tx) => {
		if (await codeTaken(tx, edit.code, id)) throw new UserInputError('code', 'another kind has this code', 409);
		if (!id) {
			const newId = randomUUID();
			await insertSynced(tx, {
				entity: 'violationKind',
				values: { id: newId, ...edit, active: true },
				scope: {},
				audit: { userId: admin.id, action: 'violationKind.create', summary: () => `code=${edit.code}` }
			});
			return newId;
		}
		requireUuid(id, 'id', 'violation kind');
		const row = await lockSynced(tx, 'violationKind', id);
		if (!row || row.deletedAt) throw new UserInputError('id', 'no such violation kind', 404);
		await updateSynced(tx, {
			entity: 'violationKind',
			id,
			replaces: row,
			set: edit,
			scope: {},
			audit: { userId: admin.id, action: 'violationKind.update', summary: `code=${edit.code}` }
		});
		return id;
	});
}

/** Deactivates (no longer offered) or reactivates a kind; recorded violations keep it either way. */
export async function setViolationKindActive(db: Db, admin: SessionUser, id: string, active: boolean): Promise<void> {
	requireUuid(id, 'id', 'violation kind');
	await db.transaction(async (tx) => {
		const row = await lockSynced(tx, 'violationKind', id);
		if (!row || row.deletedAt) throw new UserInputError('id', 'no such violation kind', 404);
		if (row.active === active) return;
		await updateSynced(tx, {
			entity: 'violationKind',
			id,
			replaces: row,
			set: { active },
			scope: {},
			audit: { userId: admin.id, action: active ? 'violationKind.activate' : 'violationKind.deactivate' }
		});
	});
}
