/**
 * Reflection periods that end within the reminder window or have ended, for supervisors: a period
 * stays on the list until its referral to the police is closed or declined (what followed is then
 * recorded), or the person is anonymised. Person-level data in the sense of the audit rule — a look
 * at it is audited — although no row names anyone.
 */
import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { inspections, locations, municipalities, referrals, screenedPersons } from '../db/schema.ts';
import { audit } from '../audit/log.ts';
import { CASE_TARGET } from '../../domain/records/codes.ts';
import { REFLECTION_REMINDER_DAYS, reflectionPeriod } from '../../domain/records/reflectionPeriod.ts';
import type { ReflectionReminderRow } from '../../domain/views/reflection.ts';

const DAY_MS = 86_400_000;

export async function reflectionReminders(db: Db, viewerId: string, today: string): Promise<ReflectionReminderRow[]> {
	const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + REFLECTION_REMINDER_DAYS * DAY_MS)
		.toISOString()
		.slice(0, 10);
	const rows = await db
		.select({
			referralId: referrals.id,
			inspectionId: referrals.inspectionId,
			start: referrals.reflectionStart,
			riskLevel: referrals.riskLevel,
			formalIdentification: referrals.formalIdentification,
			nameEn: municipalities.nameEn,
			nameSq: municipalities.nameSq,
			nameSr: municipalities.nameSr
		})
		.from(referrals)
		.innerJoin(screenedPersons, eq(screenedPersons.id, referrals.personId))
		.innerJoin(inspections, eq(inspections.id, referrals.inspectionId))
		.innerJoin(locations, eq(locations.id, inspections.locationId))
		.innerJoin(municipalities, eq(municipalities.id, locations.municipalityId))
		.where(
			and(
				isNull(referrals.deletedAt),
				eq(referrals.target, CASE_TARGET),
				inArray(referrals.status, ['made', 'accepted']),
				lte(referrals.reflectionEnd, horizon),
				isNull(screenedPersons.anonymisedAt),
				isNull(screenedPersons.deletedAt),
				isNull(inspections.deletedAt)
			)
		)
		.orderBy(asc(referrals.reflectionEnd), asc(referrals.id));
	const list = rows.flatMap((row): ReflectionReminderRow[] => {
		if (!row.start) return [];
		const period = reflectionPeriod(row.start, today);
		if (period.state === 'running') return [];
		return [
			{
				referralId: row.referralId,
				inspectionId: row.inspectionId,
				municipality: { en: row.nameEn, sq: row.nameSq, sr: row.nameSr },
				start: period.start,
				end: period.end,
				state: period.state,
				daysLeft: period.daysLeft,
				riskLevel: row.riskLevel,
				formalIdentification: row.formalIdentification
			}
		];
	});
	await audit(db, {
		userId: viewerId,
		action: 'referral.view_reflection_periods',
		entity: 'referral',
		summary: `periods=${list.length} today=${today}`
	});
	return list;
}
