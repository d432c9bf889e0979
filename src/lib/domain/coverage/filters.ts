/**
 * The filters of the supervisors' coverage figures, shared by the dashboard's query
 * string and GET /api/coverage. A period is either explicit (`from`–`to`, inclusive calendar
 * dates) or a preset resolved against the caller's `today`.
 */
import { z } from 'zod';
import { agencyCodes } from '../auth.ts';
import { locationKinds } from '../records/codes.ts';

/**
 * Days, months and "this year" are Kosovo's calendar, not UTC's: a night inspection at 00:30 on
 * the first of the month belongs to that month. Kosovo keeps Central European time. The default of
 * the server's `REPORTING_TIME_ZONE` setting (server/config.ts), which the server's figures use.
 */
export const REPORTING_TIME_ZONE = 'Europe/Belgrade';

export const periodPresets = ['last30', 'month', 'quarter', 'year'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

const isoDate = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });

// An empty query parameter (`?kind=`) is how a cleared form field arrives: treat it as absent.
const optional = <T extends z.ZodType>(schema: T) =>
	z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const coverageFiltersSchema = z
	.object({
		from: optional(isoDate),
		to: optional(isoDate),
		preset: optional(z.enum(periodPresets)),
		municipalityId: optional(z.uuid()),
		kind: optional(z.enum(locationKinds)),
		/** The agency of the inspecting team's members, or of the inspection's author without a team. */
		agency: optional(z.enum(agencyCodes)),
		planId: optional(z.uuid()),
		overdueDays: z.preprocess(
			(value) => (value === '' || value === undefined ? 90 : value),
			z.coerce.number().int('must be a whole number of days').min(1).max(3650)
		)
	})
	.superRefine((filters, ctx) => {
		const explicit = filters.from !== undefined || filters.to !== undefined;
		if (explicit && filters.preset) {
			ctx.addIssue({ code: 'custom', path: ['preset'], message: 'give either a preset or from/to, not both' });
			return;
		}
		if (filters.from !== undefined && filters.to === undefined) {
			ctx.addIssue({ code: 'custom', path: ['to'], message: 'to is required with from' });
		}
		if (filters.to !== undefined && filters.from === undefined) {
			ctx.addIssue({ code: 'custom', path: ['from'], message: 'from is required with to' });
		}
		if (filters.from && filters.to && filters.from > filters.to) {
			ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must not be after to' });
		}
	});

export type CoverageFilters = z.infer<typeof coverageFiltersSchema>;
export type Period = { from: string; to: string };

function shiftDays(date: string, days: number): string {
	const moment = new Date(`${date}T00:00:00Z`);
	moment.setUTCDate(moment.getUTCDate() + days);
	return moment.toISOString().slice(0, 10);
}

/**
 * The inclusive period the filters stand for. Presets run up to `today` (a period "so far"),
 * and with neither preset nor dates the last 30 days are shown.
 */
export function resolvePeriod(filters: Pick<CoverageFilters, 'from' | 'to' | 'preset'>, today: string): Period {
	if (filters.from && filters.to) return { from: filters.from, to: filters.to };
	const [year, month] = today.split('-') as [string, string];
	switch (filters.preset ?? 'last30') {
		case 'last30':
			return { from: shiftDays(today, -29), to: today };
		case 'month':
			return { from: `${year}-${month}-01`, to: today };
		case 'quarter': {
			const firstMonth = Math.floor((Number(month) - 1) / 3) * 3 + 1;
			return { from: `${year}-${String(firstMonth).padStart(2, '0')}-01`, to: today };
		}
		case 'year':
			return { from: `${year}-01-01`, to: today };
	}
}

/** The calendar date of `now` where the reports are read. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
	// en-CA formats dates as YYYY-MM-DD.
	return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
