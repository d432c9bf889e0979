import { describe, expect, it } from 'vitest';
import { firstUnfitColumn, firstUnstorableText, textProblem } from '../../src/lib/server/storable.ts';
import { attachments, inspections } from '../../src/lib/server/db/schema.ts';

describe('text the database can store', () => {
	it('takes any valid Unicode, surrogate pairs (emoji, rare scripts) included', () => {
		for (const text of ['', 'Prishtinë', 'Priština', 'ok 👍', '𝔘𝔫𝔦', '\u{10FFFF}', 'tab\tand\nnewline'])
			expect(textProblem(text)).toBeNull();
	});
	it('refuses a NUL and an unpaired surrogate, high or low, anywhere in the text', () => {
		for (const text of ['\u0000', 'a\u0000b', '\ud83d', 'x\ud83d', '\udc4dx', '👍\udc4d', '\ud83d\ud83d'])
			expect(textProblem(text)).not.toBeNull();
	});
	it('names the first bad string at any depth, keys included, escaped so the name can be shown', () => {
		expect(firstUnstorableText({ a: ['ok', { b: 'x\u0000' }] }, 'data')).toMatchObject({ field: 'data.a.1.b' });
		expect(firstUnstorableText({ answers: { 'q\ud800': 'yes' } }, 'data')).toMatchObject({
			field: 'data.answers.q\\ud800'
		});
		expect(firstUnstorableText({ a: 1, b: null, c: true, d: ['👍'] }, 'data')).toBeNull();
		expect(firstUnstorableText('\u0000', '')).toMatchObject({ field: '' });
	});
});

describe('values against their columns', () => {
	it('holds an integer column to int4 and leaves other columns alone', () => {
		expect(firstUnfitColumn(inspections, { templateVersion: 2 ** 31 - 1 }, 'data')).toBeNull();
		expect(firstUnfitColumn(inspections, { templateVersion: 2 ** 31 }, 'data')).toMatchObject({
			field: 'data.templateVersion'
		});
		expect(firstUnfitColumn(inspections, { templateVersion: -(2 ** 31) - 1 }, 'data')).toMatchObject({
			field: 'data.templateVersion'
		});
		expect(firstUnfitColumn(attachments, { lat: 1e300, size: 5 }, 'data')).toBeNull();
		expect(firstUnfitColumn(inspections, { notAColumn: 2 ** 40 }, 'data')).toBeNull();
	});
	it('refuses a time before year 1, which PostgreSQL cannot read back from JavaScript’s text', () => {
		expect(firstUnfitColumn(attachments, { takenAt: '0001-01-01T00:00:00.000Z' }, 'data')).toBeNull();
		expect(firstUnfitColumn(attachments, { takenAt: '0000-12-31T23:00:00.000Z' }, 'data')).toMatchObject({
			field: 'data.takenAt'
		});
	});
});
