/**
 * The life of a map in a component, as an attachment (`{@attach mountMap(start, handlers)}`):
 * started when its element is in the page, ended with it, and ended at once if the element went
 * before the map had started (Leaflet loads asynchronously). The map starts once: what `start`
 * reads is not tracked, so a change of the data it was started with does not rebuild it.
 */
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';

export function mountMap<T extends { destroy(): void }>(
	start: (element: HTMLElement) => Promise<T>,
	handlers: { ready?: (map: T) => void; failed?: (error: unknown) => void } = {}
): Attachment<HTMLElement> {
	return (element) => {
		let gone = false;
		let started: T | null = null;
		untrack(() => start(element)).then(
			(map) => {
				if (gone) return map.destroy();
				started = map;
				handlers.ready?.(map);
			},
			(error: unknown) => {
				console.error('the map could not start', error);
				handlers.failed?.(error);
			}
		);
		return () => {
			gone = true;
			started?.destroy();
		};
	};
}
