/**
 * Cache names, shared by the service worker and the page (which clears cached pages on sign-out).
 * The shell and page caches carry the build version, so a new version installs beside the old one
 * and the old shell keeps working until the new worker takes over; tiles do not depend on the
 * app's version and survive updates.
 */
const PREFIX = 'kontrolla-';
export const SHELL_CACHE_PREFIX = `${PREFIX}shell-`;
export const PAGE_CACHE_PREFIX = `${PREFIX}pages-`;
export const TILE_CACHE = `${PREFIX}tiles-v1`;

export type CacheNames = { shell: string; pages: string; tiles: string };

export function cacheNames(version: string): CacheNames {
	return { shell: SHELL_CACHE_PREFIX + version, pages: PAGE_CACHE_PREFIX + version, tiles: TILE_CACHE };
}

/** Caches of other versions: deleted when this version activates. */
export function isOutdated(name: string, current: CacheNames): boolean {
	const versioned = name.startsWith(SHELL_CACHE_PREFIX) || name.startsWith(PAGE_CACHE_PREFIX);
	return versioned && name !== current.shell && name !== current.pages;
}
