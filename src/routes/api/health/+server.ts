import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db/index.ts';
import { migrationState } from '$lib/server/db/migrations.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const { db, engine } = await database();
	const migrations = await migrationState(db);
	return json({ status: migrations.pending === 0 ? 'ok' : 'migrating', engine, migrations });
};
