/** Small, explicit fixtures for server tests (the demo seed is too big to reason about per test). */
import type { Database } from '../../src/lib/server/db/index.ts';
import { createUser } from '../../src/lib/server/auth/users.ts';
import type { Role } from '../../src/lib/domain/auth.ts';
import type { VictimServiceOrganisation } from '../../src/lib/domain/victimServices.ts';

export const FIXTURE_PASSWORD = 'correct horse battery';

export async function addUser(
	database: Database,
	username: string,
	role: Role,
	agencyCode: 'police' | 'labour' = 'police',
	// A victim-services user belongs to an organisation; the victim advocates unless the test says.
	organisation: { organisation?: VictimServiceOrganisation; municipalityIds?: string[] } = {}
): Promise<{ id: string; username: string }> {
	const victimServices = role === 'victim_services';
	const { id } = await createUser(
		null,
		{
			username,
			displayName: `Test ${username}`,
			password: FIXTURE_PASSWORD,
			role,
			agencyCode,
			organisation: victimServices ? (organisation.organisation ?? 'victim_advocate') : null,
			municipalityIds: victimServices ? (organisation.municipalityIds ?? []) : []
		},
		database.db
	);
	return { id, username };
}
