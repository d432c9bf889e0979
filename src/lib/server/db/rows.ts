/** drizzle's raw `execute` returns rows directly on postgres-js and `{ rows }` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export function firstRow<T>(result: unknown): T {
	const [row] = rowsOf<T>(result);
	if (!row) throw new Error('expected a row');
	return row;
}
