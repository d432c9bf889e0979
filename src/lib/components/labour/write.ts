/** How a labour component writes: the section opens the device's database and reports a failure once. */
import type { LocalDb } from '$lib/client/db.ts';

export type LabourWrite = (action: (db: LocalDb, userId: string) => Promise<void>) => Promise<void>;

/** A text field's value as stored: trimmed. */
export const textOf = (event: Event): string => (event.currentTarget as HTMLInputElement).value.trim();

/** A select's or date's value, '' meaning none. */
export const choiceOf = <T extends string>(event: Event): T | null =>
	((event.currentTarget as HTMLSelectElement).value || null) as T | null;

/** The ids chosen after a checkbox is ticked or cleared, in the order of `all` (the cards'), not of the taps. */
export function toggled(chosen: readonly string[], all: readonly string[], id: string, checked: boolean): string[] {
	const set = new Set(chosen);
	if (checked) set.add(id);
	else set.delete(id);
	return all.filter((each) => set.has(each));
}
