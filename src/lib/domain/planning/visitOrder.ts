/**
 * A suggested visit order for a team's venues: nearest neighbour from the start point (the police
 * station or wherever the team sets out), then improved by 2-opt until no swap of two legs shortens
 * the route. The route is open — the team does not return to the start — because operations end
 * wherever the last venue is. Distances are great-circle metres: at a city's scale the street
 * network only scales them, which changes the total but rarely the best order.
 */
import { distanceMetres, type LatLng } from '../geo/distance.ts';

export type Stop = LatLng & { id: string };

export type VisitOrder = { ids: string[]; distanceMetres: number };

/** Length of the open route start → stops[0] → … → stops[n-1], in metres. */
export function routeDistance(start: LatLng | null, stops: readonly LatLng[]): number {
	let total = 0;
	let previous: LatLng | null = start;
	for (const stop of stops) {
		if (previous) total += distanceMetres(previous, stop);
		previous = stop;
	}
	return total;
}

/** Greedy: always the closest venue not yet visited. Ties go to the venue listed first. */
export function nearestNeighbourOrder(start: LatLng | null, stops: readonly Stop[]): VisitOrder {
	const remaining = [...stops];
	const route: Stop[] = [];
	let here: LatLng | null = start ?? remaining[0] ?? null;
	while (remaining.length > 0) {
		let best = 0;
		let bestDistance = Infinity;
		for (let i = 0; i < remaining.length; i++) {
			const d = distanceMetres(here!, remaining[i]!);
			if (d < bestDistance) {
				bestDistance = d;
				best = i;
			}
		}
		const [next] = remaining.splice(best, 1);
		route.push(next!);
		here = next!;
	}
	return { ids: route.map((s) => s.id), distanceMetres: routeDistance(start, route) };
}

/**
 * 2-opt on an open route with a fixed start: reversing route[i..j] replaces the legs (i-1 → i) and
 * (j → j+1) by (i-1 → j) and (i → j+1); the last stop has no onward leg. Distances are taken from a
 * matrix built once (60 venues: 3,721 haversines) so each pass is plain arithmetic.
 */
function twoOpt(start: LatLng | null, route: Stop[]): Stop[] {
	const n = route.length;
	if (n < 3) return route;
	// Index 0 is the start (when there is one); stops are 1..n.
	const points: LatLng[] = [start ?? route[0]!, ...route];
	const size = n + 1;
	const matrix = new Float64Array(size * size);
	for (let a = 0; a < size; a++) {
		for (let b = a + 1; b < size; b++) {
			const d = distanceMetres(points[a]!, points[b]!);
			matrix[a * size + b] = d;
			matrix[b * size + a] = d;
		}
	}
	// Without a start the first stop is free to move, so the "start" leg costs nothing.
	const dist = (a: number, b: number) => (start === null && (a === 0 || b === 0) ? 0 : matrix[a * size + b]!);
	const order = Array.from({ length: n }, (_, i) => i + 1);
	let improved = true;
	while (improved) {
		improved = false;
		for (let i = 0; i < n - 1; i++) {
			const before = i === 0 ? 0 : order[i - 1]!;
			for (let j = i + 1; j < n; j++) {
				const after = j + 1 < n ? order[j + 1]! : -1;
				const removed = dist(before, order[i]!) + (after >= 0 ? dist(order[j]!, after) : 0);
				const added = dist(before, order[j]!) + (after >= 0 ? dist(order[i]!, after) : 0);
				// A millimetre of slack stops rounding from swapping back and forth forever.
				if (added < removed - 1e-3) {
					for (let a = i, b = j; a < b; a++, b--) [order[a], order[b]] = [order[b]!, order[a]!];
					improved = true;
				}
			}
		}
	}
	return order.map((index) => route[index - 1]!);
}

/** Nearest neighbour improved by 2-opt: never longer than the nearest-neighbour route. */
export function suggestVisitOrder(start: LatLng | null, stops: readonly Stop[]): VisitOrder {
	const greedy = nearestNeighbourOrder(start, stops);
	const byId = new Map(stops.map((s) => [s.id, s]));
	const improved = twoOpt(
		start,
		greedy.ids.map((id) => byId.get(id)!)
	);
	return { ids: improved.map((s) => s.id), distanceMetres: routeDistance(start, improved) };
}
