/**
 * The server's log: one JSON object a line (`{time, level, msg, ...fields}`), info to stdout and
 * warnings and errors to stderr, so a log shipper reads fields rather than parsing sentences.
 * What goes in is the caller's care: codes, counts, route ids and request ids, never a person's
 * details, a query string or a body (errors through `describeError`, errorLog.ts).
 */

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** The line as written, without its newline; fields cannot overwrite time, level or msg. */
export function logLine(level: LogLevel, msg: string, fields: LogFields = {}, now: Date = new Date()): string {
	const line: Record<string, unknown> = { time: now.toISOString(), level, msg };
	for (const [key, value] of Object.entries(fields)) if (!(key in line) && value !== undefined) line[key] = value;
	return JSON.stringify(line);
}

function write(level: LogLevel, msg: string, fields?: LogFields): void {
	const stream = level === 'info' ? process.stdout : process.stderr;
	stream.write(`${logLine(level, msg, fields)}\n`);
}

export const log = {
	info: (msg: string, fields?: LogFields) => write('info', msg, fields),
	warn: (msg: string, fields?: LogFields) => write('warn', msg, fields),
	error: (msg: string, fields?: LogFields) => write('error', msg, fields)
};
