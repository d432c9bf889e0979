import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { db } from '$lib/server/db/index.ts';
import { inspectionView } from '$lib/server/inspections/view.ts';
import { policeOutcomeOf } from '$lib/server/evidence/policeView.ts';
import { isFetchedCopy } from '$lib/server/viewRequest.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { params, locals } = event;
	// Unknown, malformed and not-yours all read the same: 404, so ids cannot be probed.
	if (!z.uuid().safeParse(params.id).success) error(404, 'Not found');
	// The worker's copy of a page already seen (and audited) gets the venue part only.
	const database = await db();
	const inspection = await inspectionView(database, locals.user!, params.id, { withPersons: !isFetchedCopy(event) });
	if (!inspection) error(404, 'Not found');
	// The persons came with the view exactly when the viewer may read person-level records here.
	const police = await policeOutcomeOf(database, locals.user!, params.id, inspection.persons !== null);
	return { inspection, police };
};
