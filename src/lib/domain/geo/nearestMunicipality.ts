/**
 * Which municipality a new venue is put in before the planner chooses one: the one whose seat
 * (domain/municipalities.ts) is nearest the pin. A guess for the form, never a boundary test: a
 * venue near a border may belong to the neighbour, and the planner can change it.
 */
import { municipalities as allSeats, type Municipality } from '../municipalities.ts';
import { distanceMetres, type LatLng } from './distance.ts';

/**
 * The municipality of `registered` (matched by code) whose seat is nearest `point`; undefined for a
 * point that is not a finite position, or when the nearest seat's municipality is not registered.
 * The first seat in `seats` wins a tie.
 */
export function nearestMunicipality<T extends { code: string }>(
	point: LatLng,
	registered: readonly T[],
	seats: readonly Pick<Municipality, 'code' | 'lat' | 'lng'>[] = allSeats
): T | undefined {
	if (!Number.isFinite(point.lat) || !Number.isFinite(point.lng)) return undefined;
	let nearest: { code: string; distance: number } | null = null;
	for (const seat of seats) {
		const distance = distanceMetres(point, seat);
		if (!nearest || distance < nearest.distance) nearest = { code: seat.code, distance };
	}
	return registered.find((municipality) => municipality.code === nearest?.code);
}
