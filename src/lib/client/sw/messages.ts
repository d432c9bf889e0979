/** What the page may tell the service worker. Anything else is ignored. */
export type WorkerMessage =
	/** The user accepted the update: the waiting version takes over (the page then reloads). */
	| { type: 'SKIP_WAITING' }
	/** The page now shows this URL; store its HTML so it opens offline. */
	| { type: 'REMEMBER_PAGE'; url: string };

export function parseMessage(data: unknown): WorkerMessage | null {
	if (typeof data !== 'object' || data === null || !('type' in data)) return null;
	if (data.type === 'SKIP_WAITING') return { type: 'SKIP_WAITING' };
	if (data.type === 'REMEMBER_PAGE' && 'url' in data && typeof data.url === 'string') {
		return { type: 'REMEMBER_PAGE', url: data.url };
	}
	return null;
}
