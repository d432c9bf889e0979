/**
 * The deployment's bounding box. A venue or GPS fix outside it is almost certainly a data error
 * (swapped coordinates, a missing minus sign), so the register refuses it. The box is configurable
 * per deployment; Kosovo's is the default.
 */
import { kosovoBounds } from '../municipalities.ts';

export type Bounds = {
	readonly minLat: number;
	readonly maxLat: number;
	readonly minLng: number;
	readonly maxLng: number;
};

export const DEFAULT_DEPLOYMENT_BOUNDS: Bounds = kosovoBounds;

/** Edges count as inside; NaN and infinite coordinates are outside every box. */
export function isInBounds(lat: number, lng: number, bounds: Bounds): boolean {
	return lat >= bounds.minLat && lat <= bounds.maxLat && lng >= bounds.minLng && lng <= bounds.maxLng;
}
