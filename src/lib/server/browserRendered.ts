/**
 * Pages rendered only in the browser (`export const ssr = false` in their +page.ts): the server
 * sends them as an empty shell, so with JavaScript off they would stay blank. Read from each page's
 * own option rather than kept as a list, so a page made browser-only gets the notice by itself.
 * (No +layout.ts sets ssr; one that did would make its child pages browser-only too.)
 */
const ssrOptions = import.meta.glob<boolean | undefined>('/src/routes/**/+page.ts', { eager: true, import: 'ssr' });

/** '/src/routes/(app)/today/+page.ts' → '/(app)/today', as SvelteKit names the route. */
export function routeIdOf(pageModule: string): string {
	return pageModule.replace(/^\/src\/routes/, '').replace(/\/\+page\.ts$/, '') || '/';
}

const browserRendered = new Set(
	Object.entries(ssrOptions)
		.filter(([, ssr]) => ssr === false)
		.map(([file]) => routeIdOf(file))
);

export function isBrowserRendered(routeId: string | null): boolean {
	return routeId !== null && browserRendered.has(routeId);
}
