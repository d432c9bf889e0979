import { listMunicipalities } from '$lib/server/register/mapVenues.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ municipalities: await listMunicipalities() });
