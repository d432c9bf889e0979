import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db/index.ts';
import { referredList } from '$lib/server/victimServices/referred.ts';
import { isFetchedCopy } from '$lib/server/viewRequest.ts';
import type { ReferredListPage } from '$lib/domain/views/referred.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { locals } = event;
	if (locals.user?.role !== 'victim_services') error(403, 'Not allowed for your role');
	// The worker's copy of a page already seen (and audited) gets no records (viewRequest.ts).
	if (isFetchedCopy(event)) return { organisation: '', rows: [] } satisfies ReferredListPage;
	const page = await referredList(await db(), locals.user);
	if (!page) error(404, 'Not found');
	return page satisfies ReferredListPage;
};
