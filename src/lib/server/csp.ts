/**
 * The run-time part of the Content-Security-Policy. svelte.config.js limits images and
 * connections to our own origin; the tile server is configured per deployment (TILE_URL), so its
 * origin — and no other host — is added here to `img-src` and `connect-src`. A page that showed an
 * injected `<img src="https://elsewhere/…">` still could not make the phone request it.
 */

/**
 * The tile server as a CSP source: its origin, with a `{s}` subdomain placeholder as a wildcard
 * (`https://*.tile.example`). Null when tiles come from our own origin (a relative URL) or the
 * URL cannot be read (the map then shows the embedded outline).
 */
export function tileSource(tileUrl: string): string | null {
	const trimmed = tileUrl.trim();
	if (!/^https?:\/\//i.test(trimmed)) return null;
	const withWildcard = trimmed.replace(/^(https?:\/\/)\{[a-z]+\}\./i, '$1__wildcard__.');
	try {
		const url = new URL(withWildcard);
		if (!/^[a-z0-9._-]+$/i.test(url.hostname)) return null;
		return url.origin.replace('__wildcard__', '*');
	} catch {
		return null;
	}
}

const EXTENDED = ['img-src', 'connect-src'];

/** Adds `source` to the image and connection directives of a policy header; unchanged without one. */
export function withTileSource(policy: string, source: string | null): string {
	if (!source) return policy;
	return policy
		.split(';')
		.map((directive) => {
			const trimmed = directive.trim();
			const name = trimmed.split(/\s+/)[0]?.toLowerCase() ?? '';
			return EXTENDED.includes(name) ? `${trimmed} ${source}` : trimmed;
		})
		.join('; ');
}
