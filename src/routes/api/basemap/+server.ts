import { readConfig } from '$lib/server/config.ts';
import { serveBasemap } from '$lib/server/basemap/serve.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request }) => serveBasemap(request, readConfig());

// Its own handler, so a HEAD never opens a stream it would not read.
export const HEAD: RequestHandler = ({ request }) => serveBasemap(request, readConfig());
