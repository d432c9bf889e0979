/**
 * Helpline numbers shown with a person's rights (domain/personInfo/helplines.ts), kept by an admin
 * and pulled by every inspector's device as reference data.
 */
import { randomUUID } from 'node:crypto';
import { asc, isNull } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { helplines } from '../db/schema.ts';
import type { SessionUser } from '../../domain/auth.ts';
import type { Helpline, HelplineEdit } from '../../domain/personInfo/helplines.ts';
import { insertSynced, lockSynced, tombstone, updateSynced } from '../records/syncedWrite.ts';
import { requireUuid, UserInputError } from '../errors.ts';

export async function listHelplines(db: Db): Promise<Helpline[]> {
	return db
		.select({ id: helplines.id, name: helplines.name, number: helplines.number, position: helplines.position })
		.from(helplines)
		.where(isNull(helplines.deletedAt))
		.orderBy(asc(helplines.position), asc(helplines.name));
}

/** Adds a helpline, or changes one when `id` is given; audited. */
export async function saveHelpline(db: Db, admin: SessionUser, edit: HelplineEdit, id?: string): Promise<string> {
	return db.transaction(async (tx) => {
		if (!id) {
			const newId = randomUUID();
			await insertSynced(tx, {
				entity: 'helpline',
				values: { id: newId, ...edit },
				scope: {},
				audit: { userId: admin.id, action: 'helpline.create', summary: () => `number=${edit.number}` }
			});
			return newId;
		}
		requireUuid(id, 'id', 'helpline');
		const row = await lockSynced(tx, 'helpline', id);
		if (!row || row.deletedAt) throw new UserInputError('id', 'no such helpline', 404);
		await updateSynced(tx, {
			entity: 'helpline',
			id,
			replaces: row,
			set: edit,
			scope: {},
			audit: { userId: admin.id, action: 'helpline.update', summary: `number=${edit.number}` }
		});
		return id;
	});
}

export async function removeHelpline(db: Db, admin: SessionUser, id: string): Promise<void> {
	requireUuid(id, 'id', 'helpline');
	await db.transaction(async (tx) => {
		const row = await lockSynced(tx, 'helpline', id);
		if (!row || row.deletedAt) throw new UserInputError('id', 'no such helpline', 404);
		await tombstone(tx, {
			entity: 'helpline',
			id,
			replaces: row,
			scope: {},
			audit: { userId: admin.id, action: 'helpline.remove' }
		});
	});
}
