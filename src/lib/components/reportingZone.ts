import { page } from '$app/state';
import { REPORTING_TIME_ZONE } from '$lib/domain/coverage/filters.ts';

/**
 * The server's `REPORTING_TIME_ZONE` (layout data, AppShell): the calendar the figures, reflection
 * periods and moments of a visit are read in. The default where a page has no layout data.
 */
export function reportingZone(): string {
	return (page.data.reportingTimeZone as string | undefined) ?? REPORTING_TIME_ZONE;
}
