import { planOverviews } from '$lib/server/queries/plans.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ plans: await planOverviews() });
