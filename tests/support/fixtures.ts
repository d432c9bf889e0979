/** Small, explicit fixtures for server tests (the demo seed is too big to reason about per test). */
import type { Database } from '../../src/lib/server/db/index.ts';
import { createUser } from '../../src/lib/server/auth/users.ts';
import type { Role } from '../../src/lib/domain/auth.ts';

export const FIXTURE_PASSWORD = 'correct horse battery';

export async function addUser(
	database: Database,
	username: string,
	role: Role,
	agencyCode: 'police' | 'labour' = 'police'
): Promise<{ id: string; username: string }> {
	const { id } = await createUser(
		null,
		{ username, displayName: `Test ${username}`, password: FIXTURE_PASSWORD, role, agencyCode },
		database.db
	);
	return { id, username };
}
