/**
 * The demo's agencies and people: one of each role (a supervisor of each agency), and two joint
 * teams' worth of inspectors (a police officer and a labour inspector each), all with one published
 * password. The victim advocate is no agency's staff; an account needs an agency, and theirs is never
 * read for them.
 */
import { inArray } from 'drizzle-orm';
import type { AgencyCode, Role } from '../../domain/auth.ts';
import type { VictimServiceOrganisation } from '../../domain/victimServices.ts';
import type { Tx } from '../db/index.ts';
import { agencies, users } from '../db/schema.ts';
import { hashPassword } from '../auth/password.ts';

export const DEMO_PASSWORD = 'kontrolla-demo';

export type DemoAccount = {
	username: string;
	displayName: string;
	role: Role;
	agency: AgencyCode;
	/** A victim-services account's organisation (domain/victimServices.ts). */
	organisation?: VictimServiceOrganisation;
};

export const demoAccounts: readonly DemoAccount[] = [
	{ username: 'admin', displayName: 'Driton Hoxha', role: 'admin', agency: 'police' },
	{ username: 'planner', displayName: 'Besnik Gashi', role: 'planner', agency: 'police' },
	// One supervisor of each agency: the police's reads the persons, the labour inspectorate's their counts.
	{ username: 'supervisor', displayName: 'Vjosa Berisha', role: 'supervisor', agency: 'police' },
	{ username: 'labour_supervisor', displayName: 'Shpresa Krasniqi', role: 'supervisor', agency: 'labour' },
	{ username: 'police1', displayName: 'Arton Morina', role: 'inspector', agency: 'police' },
	{ username: 'labour1', displayName: 'Teuta Bytyqi', role: 'inspector', agency: 'labour' },
	{ username: 'police2', displayName: 'Marko Jovanović', role: 'inspector', agency: 'police' },
	{ username: 'labour2', displayName: 'Drita Kelmendi', role: 'inspector', agency: 'labour' },
	// A victim advocate: reads the persons the demo's teams referred to the victim advocates' office.
	{
		username: 'advocate',
		displayName: 'Lirije Shala',
		role: 'victim_services',
		agency: 'police',
		organisation: 'victim_advocate'
	}
];

const agencyNames: Record<AgencyCode, { en: string; sq: string; sr: string }> = {
	police: { en: 'Kosovo Police', sq: 'Policia e Kosovës', sr: 'Kosovska policija' },
	labour: { en: 'Labour Inspectorate', sq: 'Inspektorati i Punës', sr: 'Inspektorat rada' }
};

export type DemoPerson = DemoAccount & { id: string; agencyId: string };
export type DemoPeople = {
	agencyIds: Record<AgencyCode, string>;
	byUsername: Record<string, DemoPerson>;
	created: number;
};

/**
 * The agencies usually exist already (a migration ships them); an account whose username is taken
 * is left as it is, so seeding never changes someone's password.
 */
export async function seedAccounts(tx: Tx, newId: () => string): Promise<DemoPeople> {
	const codes = Object.keys(agencyNames) as AgencyCode[];
	await tx
		.insert(agencies)
		.values(codes.map((code) => ({ id: newId(), code, name: agencyNames[code] })))
		.onConflictDoNothing({ target: agencies.code });
	const agencyRows = await tx
		.select({ id: agencies.id, code: agencies.code })
		.from(agencies)
		.where(inArray(agencies.code, codes));
	const agencyIds = Object.fromEntries(agencyRows.map((a) => [a.code, a.id])) as Record<AgencyCode, string>;

	// argon2id costs ~50 ms per hash by design; one hash serves every demo account.
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const inserted = await tx
		.insert(users)
		.values(
			demoAccounts.map((account) => ({
				id: newId(),
				username: account.username,
				displayName: account.displayName,
				passwordHash,
				role: account.role,
				agencyId: agencyIds[account.agency],
				organisation: account.organisation ?? null
			}))
		)
		.onConflictDoNothing({ target: users.username })
		.returning({ id: users.id });

	const userRows = await tx
		.select({ id: users.id, username: users.username, agencyId: users.agencyId })
		.from(users)
		.where(
			inArray(
				users.username,
				demoAccounts.map((a) => a.username)
			)
		);
	const byUsername: Record<string, DemoPerson> = {};
	for (const account of demoAccounts) {
		const row = userRows.find((u) => u.username === account.username);
		if (row) byUsername[account.username] = { ...account, id: row.id, agencyId: row.agencyId };
	}
	return { agencyIds, byUsername, created: inserted.length };
}

export function person(people: DemoPeople, username: string): DemoPerson {
	const found = people.byUsername[username];
	if (!found) throw new Error(`demo account ${username} is missing`);
	return found;
}
