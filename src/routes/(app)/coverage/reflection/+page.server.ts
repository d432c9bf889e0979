import { error } from '@sveltejs/kit';
import { REPORTING_TIME_ZONE, todayIn } from '$lib/domain/coverage/filters.ts';
import { db } from '$lib/server/db/index.ts';
import { reflectionReminders } from '$lib/server/referrals/reflectionReminders.ts';
import { mayReadReflectionPeriods } from '$lib/server/auth/accessPolicy.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	// A case's dates and risk are person-level: a role that sees counts only finds no such page.
	if (!mayReadReflectionPeriods(locals.user!)) error(404, 'Not found');
	// Kosovo's calendar day: a period ends on a date there.
	const today = todayIn(REPORTING_TIME_ZONE);
	return { today, periods: await reflectionReminders(await db(), locals.user!.id, today) };
};
