import { coveragePeriods, coverageReport, type CoveragePeriod } from '$lib/server/queries/coverage.ts';
import type { PageServerLoad } from './$types';

function periodFrom(value: string | null): CoveragePeriod {
	return coveragePeriods.find((days) => String(days) === value) ?? 30;
}

export const load: PageServerLoad = async ({ url }) => ({
	report: await coverageReport(periodFrom(url.searchParams.get('days'))),
	periods: [...coveragePeriods]
});
