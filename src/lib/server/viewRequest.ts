/**
 * Whether a page request is a script's fetch of the page's HTML rather than someone opening it. The
 * service worker keeps a copy of each page the app shows after a client-side navigation
 * (client/pwa.ts rememberPageForOffline), whose data the app had already loaded, and audited,
 * through `__data.json`: that copy was a second audited view of one look. Browsers set
 * Sec-Fetch-Dest, which scripts cannot: `document` when a page is opened, `empty` for fetch(). Such
 * a copy gets no person-level records, so it is no view to audit and holds nothing person-level in
 * the worker's cache. Sending the header only takes records away; a client without it (not a
 * browser) is taken as opening the page.
 */
import type { RequestEvent } from '@sveltejs/kit';

export function isFetchedCopy(event: Pick<RequestEvent, 'isDataRequest' | 'request'>): boolean {
	return !event.isDataRequest && event.request.headers.get('sec-fetch-dest') === 'empty';
}
