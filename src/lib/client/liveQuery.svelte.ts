/**
 * Dexie's `liveQuery` as rune state: the one wrapper components use to read the local database.
 * Call it during component initialisation (or inside `$effect.root`): the subscription lives as
 * long as that owner and ends with it. Dexie runs the query after a tick, so reactive values it
 * reads are not tracked; pass them through `deps` to re-run the query when they change.
 */
import { liveQuery } from 'dexie';

export type LiveValue<T> = {
	readonly value: T;
	/** The last failure of the query, cleared by the next result; shown, never swallowed. */
	readonly error: unknown;
};

export function fromLiveQuery<T>(
	query: () => T | Promise<T>,
	initial: T,
	deps: () => unknown = () => undefined
): LiveValue<T> {
	let value = $state.raw(initial);
	let error = $state.raw<unknown>(null);
	$effect(() => {
		deps();
		const subscription = liveQuery(query).subscribe({
			next: (next) => {
				value = next;
				error = null;
			},
			error: (failure: unknown) => (error = failure)
		});
		return () => subscription.unsubscribe();
	});
	return {
		get value() {
			return value;
		},
		get error() {
			return error;
		}
	};
}
