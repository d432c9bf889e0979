import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import {
	accessMatrix,
	accessSections,
	checklistOwnersFor,
	levelOf,
	matrixTable,
	viewerOf,
	viewers
} from '../../src/lib/domain/accessPolicy.ts';
import { defaultTemplate } from '../../src/lib/domain/checklist/defaultTemplate.ts';
import { templateSchema } from '../../src/lib/domain/checklist/template.ts';
import { answersFor, hiddenItemIds, ownerOf, templateFor } from '../../src/lib/domain/checklist/ownership.ts';

const labourInspector = { role: 'inspector', agencyCode: 'labour' };
const policeInspector = { role: 'inspector', agencyCode: 'police' };

describe('the access matrix', () => {
	it('is the table the README shows', () => {
		expect(fs.readFileSync('README.md', 'utf8')).toContain(matrixTable());
	});

	it('names a level for every section and every role × agency', () => {
		for (const section of accessSections)
			expect(Object.keys(accessMatrix[section]).sort()).toEqual([...viewers].sort());
	});

	it('gives a role or agency it does not name nothing', () => {
		expect(viewerOf({ role: 'inspector', agencyCode: 'victim_services' })).toBeNull();
		expect(viewerOf({ role: 'inspector', agencyCode: 'customs' })).toBeNull();
		for (const section of accessSections)
			expect(levelOf({ role: 'auditor', agencyCode: 'police' }, section)).toBe('none');
	});

	it('gives victim services the persons row only (those referred to them: server/victimServices/access.ts)', () => {
		const victimServices = { role: 'victim_services', agencyCode: 'labour' };
		expect(viewerOf(victimServices)).toBe('victim_services');
		for (const section of accessSections)
			expect(levelOf(victimServices, section), section).toBe(section === 'persons' ? 'read' : 'none');
	});

	it('shows the labour inspectorate’s supervisor counts of persons, the police’s the persons', () => {
		expect(levelOf({ role: 'supervisor', agencyCode: 'labour' }, 'persons')).toBe('counts');
		expect(levelOf({ role: 'supervisor', agencyCode: 'police' }, 'persons')).toBe('read');
	});
});

describe('checklist ownership', () => {
	it('is the section’s unless the item names its own, and joint when neither does', () => {
		expect(ownerOf({ owner: 'labour' }, { owner: 'police' })).toBe('police');
		expect(ownerOf({ owner: 'labour' }, {})).toBe('labour');
		expect(ownerOf({}, {})).toBe('joint');
	});

	it('gives each part of the default template an owner: administrative, criminal, shared', () => {
		const owners = Object.fromEntries(
			defaultTemplate.sections.flatMap((section) => section.items.map((item) => [item.id, ownerOf(section, item)]))
		);
		expect(owners).toMatchObject({
			business_registered: 'labour',
			written_contracts: 'labour',
			working_time_records: 'labour',
			documents_held_by_manager: 'police',
			signs_of_sexual_services: 'police',
			weapons_seen: 'police',
			drugs_seen: 'police',
			living_on_premises: 'joint',
			women_present: 'joint'
		});
	});

	it('takes police items out of the labour inspector’s template and leaves a valid template', () => {
		const forLabour = templateFor(defaultTemplate, checklistOwnersFor(labourInspector, 'read'));
		const ids = forLabour.sections.flatMap((section) => section.items.map((item) => item.id));
		expect(ids).not.toContain('weapons_seen');
		expect(ids).toContain('business_registered');
		expect(forLabour.sections.map((section) => section.id)).not.toContain('venue_police');
		// Observations proposed from police items go with them; the person's question stays.
		const observed = forLabour.sections.flatMap((section) => section.items).flatMap((item) => item.observedFrom ?? []);
		expect(observed.map((source) => source.item)).not.toContain('documents_held_by_manager');
		expect(templateSchema.safeParse(forLabour).success).toBe(true);
		expect(templateFor(defaultTemplate, checklistOwnersFor(policeInspector, 'read'))).toBe(defaultTemplate);
	});

	it('hides an item shown only by a hidden item’s answer, and the hidden items’ answers', () => {
		const template = templateSchema.parse({
			...defaultTemplate,
			sections: [
				{
					id: 'mixed',
					scope: 'venue',
					title: { en: 'x', sq: 'x', sr: 'x' },
					items: [
						{ id: 'seen', kind: 'yesNo', label: { en: 'x', sq: 'x', sr: 'x' }, owner: 'police' },
						{
							id: 'how_many',
							kind: 'number',
							label: { en: 'x', sq: 'x', sr: 'x' },
							showIf: { item: 'seen', equals: 'yes' }
						},
						{ id: 'open', kind: 'yesNo', label: { en: 'x', sq: 'x', sr: 'x' } }
					]
				}
			]
		});
		const hidden = hiddenItemIds(template, checklistOwnersFor(labourInspector, 'read'));
		expect([...hidden].sort()).toEqual(['how_many', 'seen']);
		expect(answersFor({ seen: 'yes', how_many: 2, open: 'no' }, hidden)).toEqual({ open: 'no' });
	});
});
