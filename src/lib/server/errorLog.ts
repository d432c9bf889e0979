/**
 * What the server log says about an error: its kinds and codes, never its message. A failed query's
 * message carries the query's parameters (notes, answers, the details of a screened person),
 * PostgreSQL's `detail` the values of a violated key, and a JSON parse error quotes its input.
 */

const IDENTIFIER = /^[\w.$-]{1,63}$/;

type Fields = {
	name?: unknown;
	code?: unknown;
	status?: unknown;
	constraint?: unknown;
	constraint_name?: unknown;
	table?: unknown;
	table_name?: unknown;
	column?: unknown;
	column_name?: unknown;
	cause?: unknown;
};

/**
 * E.g. `DrizzleQueryError <- DatabaseError code=23514 constraint=notes_check table=inspections`:
 * each error of the cause chain, outermost first.
 */
export function describeError(error: unknown): string {
	const parts: string[] = [];
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
		if (typeof current !== 'object') {
			parts.push(typeof current);
			break;
		}
		const fields = current as Fields;
		const kind = identifier(current.constructor?.name) ?? identifier(fields.name) ?? 'object';
		const codes = [
			['status', fields.status],
			['code', fields.code],
			['constraint', fields.constraint ?? fields.constraint_name],
			['table', fields.table ?? fields.table_name],
			['column', fields.column ?? fields.column_name]
		]
			.map(([label, value]) => {
				const text = typeof value === 'number' ? String(value) : identifier(value);
				return text ? `${label}=${text}` : null;
			})
			.filter(Boolean);
		parts.push([kind, ...codes].join(' '));
		current = fields.cause;
	}
	return parts.join(' <- ') || 'unknown';
}

/** Where it was thrown: the stack's frames (code locations only), without its message. */
export function stackFrames(error: unknown, count = 8): string {
	if (!(error instanceof Error) || typeof error.stack !== 'string') return '';
	// The message may span lines, one of which could look like a frame: cut it off whole.
	const header = error.message ? `${error.name}: ${error.message}` : error.name;
	const frames = error.stack.startsWith(header) ? error.stack.slice(header.length) : error.stack;
	return frames
		.split('\n')
		.filter((line) => /^\s+at\s/.test(line))
		.slice(0, count)
		.join('\n');
}

function identifier(value: unknown): string | null {
	return typeof value === 'string' && IDENTIFIER.test(value) ? value : null;
}
