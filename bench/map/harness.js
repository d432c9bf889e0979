// Runs in the benchmark's Chromium page (bench/map.bench.ts): draws the same venues three ways on
// a fresh Leaflet map each time, and the app's way once more over the vector basemap, and times each
// step up to the next painted frame.
/* global L, PointLayer, Basemap */
(() => {
	const KOSOVO = [
		[41.85, 19.98],
		[43.27, 21.8]
	];
	const COLOURS = ['#d55e00', '#cc79a7', '#0072b2', '#7a7a7a'];
	let map = null;
	let venues = [];

	// The frame after the one that shows the change has started: the change was painted.
	const painted = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

	function freshMap() {
		if (map) map.remove();
		const element = document.getElementById('map');
		map = L.map(element, { preferCanvas: true, zoomSnap: 0.5, fadeAnimation: false, zoomAnimation: false });
		map.fitBounds(KOSOVO);
		map.createPane('venues').style.zIndex = '400';
		return map;
	}

	// mulberry32: the same venues in every run and every approach.
	function random(seed) {
		let state = seed >>> 0;
		return () => {
			state = (state + 0x6d2b79f5) >>> 0;
			let t = state;
			t = Math.imul(t ^ (t >>> 15), t | 1);
			t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
			return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
		};
	}

	// A tile the basemap never finishes (a render cut short) must not hang the run.
	const BASEMAP_TIMEOUT_MS = 30_000;

	/**
	 * The vector basemap as vectorLayer.ts adds it (its own pane under the venues, the archive's
	 * header read first for its max zoom), resolved once its first view's tiles are drawn and painted:
	 * milliseconds from the map without it.
	 */
	async function addBasemap(target) {
		const started = performance.now();
		const archive = new Basemap.PMTiles(new URL('demo.pmtiles', location.href).href);
		const header = await archive.getHeader();
		target.createPane('vector-basemap').style.zIndex = '200';
		const layer = Basemap.leafletLayer({
			url: archive,
			pane: 'vector-basemap',
			paintRules: Basemap.paintRules,
			labelRules: Basemap.labelRules,
			backgroundColor: Basemap.basemapColours.background,
			maxDataZoom: header.maxZoom,
			maxZoom: 20
		});
		const loaded = new Promise((resolve, reject) => {
			layer.once('load', resolve);
			setTimeout(() => reject(new Error('the basemap did not finish its first view')), BASEMAP_TIMEOUT_MS);
		});
		layer.addTo(target);
		await loaded;
		await painted();
		return performance.now() - started;
	}

	const approaches = {
		/** src/lib/client/map/pointLayer.ts, what the app draws with. */
		canvasPoints(target) {
			const layer = PointLayer.createPointLayer(L, target, { pane: 'venues', onClick: () => {} });
			layer.setPoints(venues, (venue) => COLOURS[venue.status]);
		},
		/** The same, on a map that already shows the vector basemap (firstDraw adds it first). */
		canvasPointsOverBasemap(target) {
			approaches.canvasPoints(target);
		},
		/** Leaflet's own canvas circleMarkers, one layer object per venue (the walking skeleton's map). */
		circleMarkers(target) {
			const renderer = L.canvas({ tolerance: 8 });
			const group = L.layerGroup();
			for (const venue of venues) {
				L.circleMarker([venue.lat, venue.lng], {
					radius: 6,
					color: '#fff',
					weight: 1.5,
					fillColor: COLOURS[venue.status],
					fillOpacity: 0.95,
					renderer
				}).addTo(group);
			}
			group.addTo(target);
		},
		/** Plain markers: one DOM element per venue. */
		domMarkers(target) {
			const group = L.layerGroup();
			for (const venue of venues) {
				const icon = L.divIcon({ className: 'dom-venue', html: '', iconSize: [12, 12] });
				L.marker([venue.lat, venue.lng], { icon }).addTo(group);
			}
			group.addTo(target);
		}
	};

	window.bench = {
		makeVenues(count, seed) {
			const next = random(seed);
			venues = Array.from({ length: count }, (_, index) => ({
				id: String(index),
				lat: KOSOVO[0][0] + next() * (KOSOVO[1][0] - KOSOVO[0][0]),
				lng: KOSOVO[0][1] + next() * (KOSOVO[1][1] - KOSOVO[0][1]),
				status: Math.floor(next() * COLOURS.length)
			}));
			return venues.length;
		},
		/**
		 * Milliseconds from the venues in memory to the map painted with them, and of that the
		 * script's own share (creating and drawing the layer, before the browser lays out and paints).
		 */
		async firstDraw(approach) {
			const target = freshMap();
			const basemap = approach === 'canvasPointsOverBasemap' ? await addBasemap(target) : null;
			await painted();
			const started = performance.now();
			approaches[approach](target);
			const script = performance.now() - started;
			await painted();
			return { painted: performance.now() - started, script, basemap };
		},
		/** Per step: milliseconds from the pan to the next painted frame. */
		async pan(steps) {
			const times = [];
			for (let i = 0; i < steps; i++) {
				const started = performance.now();
				map.panBy(i % 2 === 0 ? [240, 160] : [-240, -160], { animate: false });
				await painted();
				times.push(performance.now() - started);
			}
			return times;
		},
		/** Per step: milliseconds from a zoom by one level (in, then out) to the next painted frame. */
		async zoom(steps) {
			const base = map.getZoom();
			const times = [];
			for (let i = 0; i < steps; i++) {
				const started = performance.now();
				map.setZoom(i % 2 === 0 ? base + 1 : base, { animate: false });
				await painted();
				times.push(performance.now() - started);
			}
			return times;
		}
	};
})();
