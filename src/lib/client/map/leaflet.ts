/** Leaflet touches `window` when it loads, so it is imported on demand in the browser only. */
export type Leaflet = typeof import('leaflet');

export async function loadLeaflet(): Promise<Leaflet> {
	const module = await import('leaflet');
	// Leaflet ships CommonJS only: depending on the bundler's interop its API is the module
	// namespace itself or that namespace's default export.
	return (module as Leaflet & { default?: Leaflet }).default ?? module;
}
