import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formFields, readForm, readQuery } from '../../src/lib/server/http.ts';
import { formAction } from '../../src/lib/server/formAction.ts';
import { UserInputError } from '../../src/lib/server/errors.ts';
import { planInputSchema } from '../../src/lib/domain/planning/schemas.ts';

const form = (entries: [string, string][]) => {
	const data = new FormData();
	for (const [name, value] of entries) data.append(name, value);
	return data;
};

function thrownBy(run: () => unknown): unknown {
	try {
		run();
	} catch (thrown) {
		return thrown;
	}
	throw new Error('nothing was thrown');
}

describe('a form read as its schema reads it', () => {
	it('gives a list field every value sent under its name, and any other field its first', () => {
		const fields = formFields(
			form([
				['title', 'A'],
				['title', 'B'],
				['municipalityIds', 'm1'],
				['municipalityIds', 'm2']
			]),
			planInputSchema
		);
		expect(fields).toMatchObject({ title: 'A', municipalityIds: ['m1', 'm2'] });
	});
	it('reads a field the form left out as empty, as an emptied text box sends it, and an unticked list as none', () => {
		expect(formFields(form([]), planInputSchema)).toEqual({
			title: '',
			objective: '',
			periodStart: '',
			periodEnd: '',
			municipalityIds: []
		});
	});
	it('leaves out fields the schema does not name', () => {
		expect(
			formFields(
				form([
					['__proto__', 'x'],
					['other', 'y']
				]),
				z.object({ name: z.string() })
			)
		).toEqual({ name: '' });
	});
	it('follows intersections and pipes to the fields they read', () => {
		const schema = z
			.object({ members: z.array(z.string()) })
			.transform(({ members }) => ({ count: members.length }))
			.pipe(z.object({ count: z.number() }))
			.and(z.object({ teamId: z.string() }));
		expect(
			formFields(
				form([
					['members', 'a'],
					['members', 'b'],
					['teamId', 't']
				]),
				schema
			)
		).toEqual({ members: ['a', 'b'], teamId: 't' });
	});
});

describe('reading a request', () => {
	it('refuses a bad form with the field apart from the message, for the page to put beside the form', async () => {
		const refused = await readForm(
			form([
				['title', 'Plan'],
				['periodStart', '2026-02-01'],
				['periodEnd', '2026-01-01']
			]),
			planInputSchema
		).catch((e) => e);
		expect(refused).toBeInstanceOf(UserInputError);
		expect(refused).toMatchObject({ field: 'periodEnd', message: 'the period ends before it starts', status: 400 });
	});
	it('answers a bad query parameter 400 naming it, in the message too', async () => {
		const refused = thrownBy(() =>
			readQuery(new URL('http://x/?count=ten'), z.object({ count: z.coerce.number().int() }))
		) as Response;
		expect(refused.status).toBe(400);
		expect(await refused.json()).toMatchObject({ field: 'count', error: expect.stringMatching(/^count: /) });
	});
});

describe('a form action', () => {
	it('answers which form it was and what it did', async () => {
		expect(await formAction('save', async () => ({ id: 'x' }))).toEqual({
			action: 'save',
			ok: true,
			data: { id: 'x' }
		});
	});
	it('answers bad input with its status, the field and why', async () => {
		const failure = await formAction('save', async () => {
			throw new UserInputError('name', 'taken', 409);
		});
		expect(failure).toMatchObject({ status: 409, data: { action: 'save', field: 'name', error: 'taken' } });
	});
	it('throws anything else on: a redirect, a fault', async () => {
		await expect(formAction('save', async () => Promise.reject(new Error('fault')))).rejects.toThrow('fault');
	});
});
