import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		adapter: adapter({ precompress: false }),
		// Registered by workbox-window in src/lib/client/pwa.ts so the update prompt is ours.
		serviceWorker: { register: false },
		// Absolute asset paths: the service worker answers an offline visit to a page never fetched
		// (an inspection created on the device, /visit/<id>) with the shell of another browser-
		// rendered page, whose relative `./_app/` paths would resolve wrongly at another depth.
		paths: { relative: false },
		csrf: { trustedOrigins: [] },
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				// Our own origin only (data: for Leaflet's inlined CSS images, blob: for photos on the
				// device); hooks.server.ts adds the configured tile server (TILE_URL), known at run time.
				'img-src': ['self', 'data:', 'blob:'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'frame-ancestors': ['none'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
