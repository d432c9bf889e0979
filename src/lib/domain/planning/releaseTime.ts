/**
 * The briefing time at which an operation releases itself, as the planner types it: a wall-clock
 * time in the operations' time zone (`datetime-local`), read into an instant and written back.
 */
import { OPERATIONS_TIME_ZONE } from '../field/teamDays.ts';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Minutes the zone is ahead of UTC at the instant. */
function offsetMinutes(at: Date, timeZone: string): number {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit'
		})
			.formatToParts(at)
			.map((p) => [p.type, p.value])
	);
	const wall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!);
	return Math.round((wall - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant of a wall-clock `YYYY-MM-DDTHH:mm` in the zone; null for text that is not one. */
export function releaseInstant(local: string, timeZone = OPERATIONS_TIME_ZONE): Date | null {
	const m = LOCAL.exec(local.trim());
	if (!m) return null;
	const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
	if (Number.isNaN(wall)) return null;
	// Twice: the offset at the first guess may differ from the offset at the answer (a DST change).
	let at = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
	at = wall - offsetMinutes(new Date(at), timeZone) * 60_000;
	return new Date(at);
}

/** The `datetime-local` value showing the instant in the zone. */
export function releaseLocal(at: Date, timeZone = OPERATIONS_TIME_ZONE): string {
	const local = new Date(at.getTime() + offsetMinutes(at, timeZone) * 60_000);
	return local.toISOString().slice(0, 16);
}
