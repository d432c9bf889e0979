/**
 * The texts shown to a person in their language (domain/personInfo/texts.ts): seeding on start,
 * the admin's list, a new version of a text, and the review mark. Texts are reference data every
 * inspector's device pulls, so each write goes through records/syncedWrite.ts (feed row and audit
 * entry in one transaction).
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, max, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.ts';
import { personTexts, users } from '../db/schema.ts';
import type { SessionUser } from '../../domain/auth.ts';
import type { PersonLanguage } from '../../domain/personInfo/languages.ts';
import { textKey, type PersonTextEdit, type PersonTextKind } from '../../domain/personInfo/texts.ts';
import { seedRows } from '../../domain/personInfo/seed/index.ts';
import { insertSynced, lockSynced, updateSynced, type NewSynced } from '../records/syncedWrite.ts';
import { requireUuid, UserInputError } from '../errors.ts';

/** One row of the admin's list: a version of a text, with who reviewed it. */
export type PersonTextRow = {
	id: string;
	kind: PersonTextKind;
	key: string;
	language: PersonLanguage;
	textVersion: number;
	text: string;
	reviewed: boolean;
	reviewedBy: string | null;
	reviewedAt: Date | null;
	createdAt: Date;
};

/**
 * Adds the seed texts a database lacks (none on a new server; a text added to the seed later): each
 * at its language's next version, unreviewed. Texts an admin has edited are never touched.
 */
export async function seedPersonTexts(db: Db): Promise<number> {
	try {
		return await db.transaction(async (tx) => {
			await lockTexts(tx);
			const held = await tx
				.select({ kind: personTexts.kind, key: personTexts.key, language: personTexts.language })
				.from(personTexts);
			const present = new Set(held.map((row) => `${row.language}|${textKey(row.kind, row.key)}`));
			const missing = seedRows().filter((row) => !present.has(`${row.language}|${textKey(row.kind, row.key)}`));
			if (missing.length === 0) return 0;
			const next = new Map<PersonLanguage, number>();
			for (const language of new Set(missing.map((row) => row.language)))
				next.set(language, (await highestVersion(tx, language)) + 1);
			const values: NewSynced<'personText'>[] = missing.map((row) => ({
				id: randomUUID(),
				...row,
				textVersion: next.get(row.language)!,
				reviewed: false
			}));
			await insertSynced(tx, {
				entity: 'personText',
				values,
				scope: {},
				audit: { userId: null, action: 'personText.seed', summary: () => `texts=${values.length}` }
			});
			return values.length;
		});
	} catch (error) {
		// Another instance of the server seeded them first.
		if (/person_texts_version_idx|duplicate key/.test(String(error))) return 0;
		throw error;
	}
}

/** Every version of every text, newest first within each text; for the admin's list. */
export async function listPersonTexts(db: Db, language?: PersonLanguage): Promise<PersonTextRow[]> {
	const rows = await db
		.select({
			id: personTexts.id,
			kind: personTexts.kind,
			key: personTexts.key,
			language: personTexts.language,
			textVersion: personTexts.textVersion,
			text: personTexts.text,
			reviewed: personTexts.reviewed,
			reviewedBy: users.displayName,
			reviewedAt: personTexts.reviewedAt,
			createdAt: personTexts.createdAt
		})
		.from(personTexts)
		.leftJoin(users, eq(users.id, personTexts.reviewedBy))
		.where(language ? eq(personTexts.language, language) : undefined)
		.orderBy(asc(personTexts.language), asc(personTexts.kind), asc(personTexts.key), asc(personTexts.textVersion));
	return rows;
}

/**
 * An admin's new wording of a text: a new row at the language's next version, unreviewed (the new
 * wording has not been checked yet). The old version stays for the records that name it.
 */
export async function editPersonText(
	db: Db,
	admin: SessionUser,
	edit: PersonTextEdit
): Promise<{ id: string; textVersion: number }> {
	return db.transaction(async (tx) => {
		await lockTexts(tx);
		const [current] = await tx
			.select({ text: personTexts.text })
			.from(personTexts)
			.where(
				and(eq(personTexts.kind, edit.kind), eq(personTexts.key, edit.key), eq(personTexts.language, edit.language))
			)
			.orderBy(sql`${personTexts.textVersion} desc`)
			.limit(1);
		if (current?.text === edit.text) throw new UserInputError('text', 'the text is unchanged');
		const id = randomUUID();
		const textVersion = (await highestVersion(tx, edit.language)) + 1;
		await insertSynced(tx, {
			entity: 'personText',
			values: { id, ...edit, textVersion, reviewed: false, createdBy: admin.id },
			scope: {},
			audit: {
				userId: admin.id,
				action: 'personText.edit',
				summary: () => `kind=${edit.kind} key=${edit.key} language=${edit.language} textVersion=${textVersion}`
			}
		});
		return { id, textVersion };
	});
}

/** Marks a version checked by a qualified translator (or takes the mark back); audited. */
export async function setPersonTextReviewed(db: Db, admin: SessionUser, id: string, reviewed: boolean): Promise<void> {
	requireUuid(id, 'id', 'text');
	await db.transaction(async (tx) => {
		const row = await lockSynced(tx, 'personText', id);
		if (!row || row.deletedAt) throw new UserInputError('id', 'no such text', 404);
		if (row.reviewed === reviewed) return;
		await updateSynced(tx, {
			entity: 'personText',
			id,
			replaces: row,
			set: { reviewed, reviewedBy: reviewed ? admin.id : null, reviewedAt: reviewed ? new Date() : null },
			scope: {},
			audit: {
				userId: admin.id,
				action: 'personText.review',
				summary: `reviewed=${reviewed} language=${row.language} textVersion=${row.textVersion}`
			}
		});
	});
}

async function highestVersion(tx: Tx, language: PersonLanguage): Promise<number> {
	const [row] = await tx
		.select({ highest: max(personTexts.textVersion) })
		.from(personTexts)
		.where(eq(personTexts.language, language));
	return Number(row?.highest ?? 0);
}

/**
 * Versions count per language: two writers at once (two admins, two starting instances) must not
 * take the same number. A transaction-scoped advisory lock (both engines have it) orders them.
 */
async function lockTexts(tx: Tx): Promise<void> {
	await tx.execute(sql`select pg_advisory_xact_lock(hashtext('person_texts'))`);
}
