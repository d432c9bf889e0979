/**
 * Values that pass a schema yet cannot be stored: PostgreSQL refuses a NUL character in `text` and
 * `jsonb`, an unpaired UTF-16 surrogate in `jsonb` (and would turn one into U+FFFD in `text`), an
 * integer beyond its column's range and a time before year 1. Left to the database, each fails the
 * whole statement — a 500 for a request, and for a sync push a batch the device resends for ever.
 * These checks name the field instead, and they read the table's own column types, so a column
 * added later is covered without a change here.
 */
import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

export type Unstorable = { field: string; message: string };

export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `text` cannot be stored, or null when it can. */
export function textProblem(text: string): string | null {
	if (text.includes('\u0000')) return 'contains a NUL character, which cannot be stored';
	if (LONE_SURROGATE.test(text)) return 'contains an unpaired surrogate (not valid Unicode), which cannot be stored';
	return null;
}

/** A key as it can be shown in a field name: the characters that cannot be stored, escaped. */
export function printable(key: string): string {
	// NUL is the character being looked for, so the pattern must name it.
	// eslint-disable-next-line no-control-regex
	return key.replace(/\u0000|[\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The first string (value or object key, at any depth) that cannot be stored, named by its path
 * from `prefix` (`data.answers.q1`), or null.
 */
export function firstUnstorableText(value: unknown, prefix: string): Unstorable | null {
	if (typeof value === 'string') {
		const problem = textProblem(value);
		return problem ? { field: prefix, message: problem } : null;
	}
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) {
			const found = firstUnstorableText(value[i], join(prefix, String(i)));
			if (found) return found;
		}
		return null;
	}
	if (typeof value === 'object' && value !== null) {
		for (const [key, inner] of Object.entries(value)) {
			const field = join(prefix, printable(key));
			const keyProblem = textProblem(key);
			if (keyProblem) return { field, message: `its name ${keyProblem}` };
			const found = firstUnstorableText(inner, field);
			if (found) return found;
		}
	}
	return null;
}

const join = (prefix: string, key: string) => (prefix ? `${prefix}.${key}` : key);

const integerRanges: Record<string, [number, number]> = {
	smallint: [-32_768, 32_767],
	integer: [INT4_MIN, INT4_MAX],
	bigint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER]
};

/**
 * The first of `data`'s values that does not fit the column of `table` it is written to (keys are
 * the table's property names, as on the sync wire), or null. Nested JSON is checked by
 * `firstUnstorableText`; numbers inside `jsonb` have no range.
 */
export function firstUnfitColumn(table: PgTable, data: Record<string, unknown>, prefix: string): Unstorable | null {
	const columns = getTableColumns(table) as Record<string, { getSQLType(): string }>;
	for (const [key, value] of Object.entries(data)) {
		const column = columns[key];
		if (!column || value === null || value === undefined) continue;
		const type = column.getSQLType();
		const range = integerRanges[type];
		if (range && typeof value === 'number' && (value < range[0] || value > range[1])) {
			return { field: join(prefix, key), message: `must be between ${range[0]} and ${range[1]}` };
		}
		if (type.startsWith('timestamp') || type === 'date') {
			const time = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : NaN;
			// Year 0 and before: the ISO text JavaScript writes for them is refused by PostgreSQL.
			if (!Number.isNaN(time) && new Date(time).getUTCFullYear() < 1)
				return { field: join(prefix, key), message: 'must be in year 1 or later' };
		}
	}
	return null;
}
