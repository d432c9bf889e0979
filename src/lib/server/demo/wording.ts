/**
 * How the demo names its plans, operations and teams. They are seeded once into the database and
 * cannot follow the reader's language, so they are in Albanian, the language most users of the
 * deployment read. Month names come from the app's own locale tables (domain/format), not from
 * Intl: a Node built without full ICU data would fall back to English, and the seed must be the
 * same everywhere.
 */
import { monthNames } from '../../domain/format/localeFormat.ts';

const months = monthNames('sq', 'long');

const parts = (date: string) => ({
	year: Number(date.slice(0, 4)),
	month: months[Number(date.slice(5, 7)) - 1] as string,
	day: Number(date.slice(8, 10))
});

/** '2026-01-04' → '4 janar 2026'. */
export function albanianDate(date: string): string {
	const { year, month, day } = parts(date);
	return `${day} ${month} ${year}`;
}

/** '2026-01-01' → 'janar 2026'. */
export function albanianMonth(date: string): string {
	const { year, month } = parts(date);
	return `${month} ${year}`;
}

/** 'Prishtinë', 'Prishtinë dhe Ferizaj', 'Pejë, Istog dhe Klinë'. */
export function albanianList(names: readonly string[]): string {
	if (names.length <= 1) return names.join('');
	return `${names.slice(0, -1).join(', ')} dhe ${names.at(-1)}`;
}

export const monthlyPlanTitle = (firstDay: string): string => `Plani mujor: ${albanianMonth(firstDay)}`;

export const weeklyPlanTitle = (monday: string): string =>
	`Inspektime të përbashkëta, java që fillon më ${albanianDate(monday)}`;

/**
 * What the operation looks for, then where (both teams may work one town: it is named once); past
 * operations also say when, since the history holds many alike.
 */
export function operationTitle(focus: string, places: readonly string[], date?: string): string {
	const title = `${focus}: ${albanianList([...new Set(places)])}`;
	return date ? `${title}, ${albanianDate(date)}` : title;
}

/** 'Ekipi A', 'Ekipi B': the teams of one operation are told apart by letter. */
export const teamName = (index: number): string => `Ekipi ${String.fromCharCode(65 + index)}`;
