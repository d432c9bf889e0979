import { error } from '@sveltejs/kit';
import { reportingToday } from '$lib/server/coverage/counted.ts';
import { db } from '$lib/server/db/index.ts';
import { reflectionReminders } from '$lib/server/referrals/reflectionReminders.ts';
import { mayReadReflectionPeriods } from '$lib/server/auth/accessPolicy.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	// A case's dates and risk are person-level: a role that sees counts only finds no such page.
	if (!mayReadReflectionPeriods(locals.user!)) error(404, 'Not found');
	// Kosovo's calendar day: a period ends on a date there.
	const today = reportingToday();
	return { today, periods: await reflectionReminders(await db(), locals.user!.id, today) };
};
