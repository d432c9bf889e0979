/**
 * Checking in at a venue. A phone's fix can be tens of metres off indoors; 200 m is far enough
 * that a mismatch means the team is at the wrong door (or the register's pin is wrong), not that
 * the GPS is noisy — so it warns, and never blocks: the team on site knows where it is.
 */
import { distanceMetres, type LatLng } from '../geo/distance.ts';

export const CHECK_IN_WARNING_METRES = 200;

export type Fix = LatLng & { accuracy: number };

export type CheckInDistance = { metres: number; far: boolean };

export function checkInDistance(fix: Fix, venue: LatLng): CheckInDistance {
	const metres = distanceMetres(fix, venue);
	return { metres, far: metres > CHECK_IN_WARNING_METRES };
}
