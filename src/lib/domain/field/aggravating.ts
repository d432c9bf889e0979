/**
 * The aggravating circumstances of the Criminal Code that a visit can show (docs/DOMAIN.md,
 * "Places"): the venue within the child-site radius of a place used by children at check-in, and a
 * person screened who is under 18. Read the same on the phone and on the office's inspection page.
 */
import type { ChildSiteFlag } from '../geo/proximity.ts';
import { isMinorAgeBand, type AgeBand } from '../screening/screen.ts';
import type { CheckIn } from './inspectionRecord.ts';

export type AggravatingCircumstances = {
	/** The child-site flag recorded at check-in; undefined for a visit recorded before the rule was judged. */
	nearChildren: ChildSiteFlag | null | undefined;
	/** Persons screened who are or may be minors; null when the reader may not see persons. */
	minors: number | null;
};

export function aggravatingCircumstances(
	checkIn: CheckIn | null,
	persons: readonly { ageBand: string; isMinor?: boolean }[] | null
): AggravatingCircumstances {
	// The stored `isMinor` includes the presumption of minority ("may be a minor"); a record read
	// without it falls back to the age band.
	const minor = (person: { ageBand: string; isMinor?: boolean }) =>
		person.isMinor ?? isMinorAgeBand(person.ageBand as AgeBand);
	return {
		nearChildren: checkIn ? checkIn.nearChildren : undefined,
		minors: persons ? persons.filter(minor).length : null
	};
}
