import { json } from '@sveltejs/kit';
import { pushRequestSchema } from '$lib/domain/sync/wire.ts';
import { db } from '$lib/server/db/index.ts';
import { scopeOf } from '$lib/server/sync/scope.ts';
import { applyPush } from '$lib/server/sync/push.ts';
import { recordPushResults } from '$lib/server/metrics/index.ts';
import { checkRequestDevice } from '$lib/server/auth/devices.ts';
import { errorResponse, handleErrors, readJson } from '$lib/server/http.ts';
import type { RevokedDevice } from '$lib/domain/views/auth.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ request, locals }) =>
	handleErrors(async () => {
		// A value the database cannot store refuses its mutation alone (push.ts), not the batch.
		const body = await readJson(request, pushRequestSchema, { perRecordText: true });
		const database = await db();
		// Changes are accepted only under this session's own device: never another user's (devices.ts).
		const refused = await checkRequestDevice(
			database,
			locals.user!,
			locals.sessionHash!,
			body.deviceId,
			request.headers.get('user-agent')
		);
		if (refused === 'revoked')
			return json({ error: 'this device was revoked', wipe: true } satisfies RevokedDevice, { status: 401 });
		if (refused)
			return errorResponse(
				403,
				refused === 'taken'
					? 'this device is registered to another user'
					: 'deviceId is not the device this session signed in on',
				'deviceId'
			);
		const results = await applyPush(database, await scopeOf(database, locals.user!), body);
		recordPushResults(results);
		return json({ results }, { headers: { 'cache-control': 'no-store' } });
	});
