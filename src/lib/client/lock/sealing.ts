/**
 * Person-level data sealed at rest in the device database, as a Dexie DBCore middleware so every
 * read and write of the store goes through it and no caller can forget: screened persons and
 * referrals (all but the ids the indexes and sync need), and the copies of them that wait in the
 * outbox or sit in conflicts. Reads while locked give the record without its sealed part, marked
 * `locked`; writes while locked are refused rather than stored in clear.
 */
import type { DBCore, DBCoreCursor, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { openJson, sealJson, type Sealed } from './cipher.ts';

type Row = Record<string, unknown>;
export const SEALED_ENTITIES: readonly string[] = ['screenedPerson', 'referral'];

/** What of a row stays readable and what is sealed, per table. */
type Policy = { split(row: Row): { clear: Row; secret: Row } | null; join(clear: Row, secret: Row | null): Row };

function keepFields(kept: readonly string[]): Policy {
	return {
		split(row) {
			const clear: Row = {};
			const secret: Row = {};
			for (const [k, v] of Object.entries(row)) (kept.includes(k) ? clear : secret)[k] = v;
			return { clear, secret };
		},
		join: (clear, secret) => (secret ? { ...clear, ...secret } : { ...clear, locked: true })
	};
}

/** Only entries about sealed entities seal these fields; the rest of the entry stays readable. */
function sealFieldsOf(entityField: string, fields: readonly string[]): Policy {
	return {
		split(row) {
			if (!SEALED_ENTITIES.includes(row[entityField] as string)) return null;
			const clear: Row = { ...row };
			const secret: Row = {};
			for (const field of fields) {
				secret[field] = row[field];
				delete clear[field];
			}
			return { clear, secret };
		},
		join: (clear, secret) =>
			secret ? { ...clear, ...secret } : { ...clear, ...Object.fromEntries(fields.map((f) => [f, null])), locked: true }
	};
}

const policies: Record<string, Policy> = {
	screenedPersons: keepFields(['id', 'version', 'inspectionId']),
	referrals: keepFields(['id', 'version', 'personId', 'inspectionId']),
	outbox: sealFieldsOf('entity', ['data']),
	conflicts: sealFieldsOf('entity', ['device', 'server'])
};

/** Marks a row that was read from its sealed form, so rows stored in clear can be told apart. */
export const WAS_SEALED = Symbol('wasSealed');

export class LockedError extends Error {
	constructor() {
		super('the app is locked: person-level data cannot be saved until the PIN is entered');
	}
}

function isSealed(row: Row): row is Row & { sealed: Sealed } {
	return typeof row.sealed === 'object' && row.sealed !== null && 'ct' in (row.sealed as object);
}

export function sealingMiddleware(keyOf: () => Uint8Array | null): Middleware<DBCore> {
	function seal(policy: Policy, row: Row): Row {
		if (!row || typeof row !== 'object' || isSealed(row)) return row;
		const parts = policy.split(row);
		if (!parts) return row;
		const key = keyOf();
		// A row read while locked lacks its secret part: writing it back would destroy it.
		if (!key || row.locked === true) throw new LockedError();
		return { ...parts.clear, sealed: sealJson(key, parts.secret) };
	}

	function unseal(policy: Policy, row: Row | undefined): Row | undefined {
		if (!row || typeof row !== 'object' || !isSealed(row)) return row;
		const { sealed, ...clear } = row;
		const key = keyOf();
		let secret: Row | null = null;
		if (key) {
			try {
				secret = openJson(key, sealed) as Row;
			} catch {
				// Sealed under another key (another user's work on a shared device): kept, unreadable.
			}
		}
		const opened = policy.join(clear, secret);
		Object.defineProperty(opened, WAS_SEALED, { value: true });
		return opened;
	}

	function cursorOf(policy: Policy, cursor: DBCoreCursor): DBCoreCursor {
		let raw: unknown;
		let opened: Row | undefined;
		return Object.create(cursor, {
			value: {
				get() {
					if (cursor.value !== raw) {
						raw = cursor.value;
						opened = unseal(policy, cursor.value as Row);
					}
					return opened;
				}
			}
		}) as DBCoreCursor;
	}

	return {
		stack: 'dbcore',
		name: 'sealing',
		create(down: DBCore): DBCore {
			return {
				...down,
				table(name: string): DBCoreTable {
					const table = down.table(name);
					const policy = policies[name];
					if (!policy) return table;
					return {
						...table,
						mutate(req: DBCoreMutateRequest) {
							if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
							try {
								return table.mutate({
									...req,
									values: req.values.map((v) => seal(policy, v as Row))
								} as DBCoreMutateRequest);
							} catch (error) {
								return Promise.reject(error);
							}
						},
						get: (req) => table.get(req).then((row) => unseal(policy, row as Row)),
						getMany: (req) => table.getMany(req).then((rows) => rows.map((row) => unseal(policy, row as Row))),
						query: (req) =>
							table
								.query(req)
								.then((res) =>
									req.values ? { ...res, result: res.result.map((row) => unseal(policy, row as Row)) } : res
								),
						openCursor: (req) =>
							table.openCursor(req).then((cursor) => (cursor && req.values ? cursorOf(policy, cursor) : cursor))
					};
				}
			};
		}
	};
}

/** Tables whose rows (or some of them) are sealed, for sealing what was stored before the lock. */
export const SEALED_TABLES = Object.keys(policies);

/**
 * Seals the person-level rows a device stored in clear before it had a PIN (an app updated with
 * data on it). Reading gives each row as it is; writing it back seals it.
 */
export async function sealStoredInClear(db: {
	table(name: string): { toArray(): Promise<unknown[]>; bulkPut(rows: unknown[]): Promise<unknown> };
}): Promise<number> {
	let sealed = 0;
	for (const name of SEALED_TABLES) {
		const rows = (await db.table(name).toArray()) as Row[];
		const clear = rows.filter((row) => !(WAS_SEALED in row) && policies[name]!.split(row) !== null);
		if (clear.length) await db.table(name).bulkPut(clear);
		sealed += clear.length;
	}
	return sealed;
}
