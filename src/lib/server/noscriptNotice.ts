/**
 * What a browser-rendered page (browserRendered.ts) shows with JavaScript off, put into the page
 * shell by hooks.server.ts (src/app.html cannot call Paraglide). Styled inline: the app's
 * stylesheets belong to components that never render without the script.
 */
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';

const STYLE = [
	'display:block',
	'margin:1rem',
	'padding:0.75rem 1rem',
	'border:2px solid #a4000f',
	'border-radius:6px',
	'background:#fde8ea',
	'color:#a4000f',
	'font:600 1rem/1.5 system-ui,sans-serif'
].join(';');

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function noscriptNotice(locale: Locale): string {
	const text = m.noscript_field_app({}, { locale }).replace(/[&<>"]/g, (c) => ENTITIES[c] ?? c);
	return `<noscript><p style="${STYLE}">${text}</p></noscript>`;
}
