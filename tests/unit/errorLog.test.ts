import { describe, expect, it } from 'vitest';
import { describeError, stackFrames } from '../../src/lib/server/errorLog.ts';

describe('an error as the server logs it', () => {
	it('is its kinds and codes along the cause chain, never a message', () => {
		const cause = Object.assign(new Error('new row violates check constraint: Failing row contains (Arbnora)'), {
			code: '23514',
			constraint: 'inspections_notes_check',
			table: 'inspections',
			detail: 'Failing row contains (Arbnora)'
		});
		const thrown = new Error('Failed query: insert into "inspections" ... params: Arbnora', { cause });
		const line = describeError(thrown);
		expect(line).toBe('Error <- Error code=23514 constraint=inspections_notes_check table=inspections');
		expect(line).not.toContain('Arbnora');
	});

	it('drops a value that is not a plain identifier', () => {
		expect(describeError(Object.assign(new Error('x'), { code: 'Arbnora Q', constraint: 'a b' }))).toBe('Error');
		expect(describeError('Arbnora')).toBe('string');
		expect(describeError(null)).toBe('unknown');
	});

	it('keeps the stack frames without the message, however many lines it has', () => {
		let thrown: unknown;
		try {
			JSON.parse('Arbnora\n    at Qafëzezi (x.js:1:1)');
		} catch (error) {
			thrown = error;
		}
		expect(describeError(thrown)).toBe('SyntaxError');
		const frames = stackFrames(thrown);
		expect(frames).toMatch(/^\s+at /);
		expect(frames).not.toContain('Arbnora');
		expect(frames).not.toContain('Qaf');
	});
});
