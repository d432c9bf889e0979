/**
 * With a basemap served from our own origin the pages need no other host: no tile template, so
 * no foreign source in the Content-Security-Policy, whatever TILE_URL says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configWarnings, readConfig } from '../../src/lib/server/config.ts';
import { basemapPath, mapSources } from '../../src/lib/server/basemap/file.ts';
import { tileSource, withTileSource } from '../../src/lib/server/csp.ts';

const POLICY = "default-src 'self'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self'";
const TILES = 'https://{s}.tiles.example.org/{z}/{x}/{y}.png';

let dir: string;
beforeAll(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontrolla-basemap-unit-'));
	fs.writeFileSync(path.join(dir, 'kosovo.pmtiles'), new Uint8Array([1, 2, 3]));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function policyFor(env: NodeJS.ProcessEnv): Promise<string> {
	const { tileUrl } = await mapSources(readConfig({ DATA_DIR: dir, ...env }));
	return withTileSource(POLICY, tileSource(tileUrl));
}

describe('the map sources and the page policy', () => {
	it('name no other host when BASEMAP_FILE is set, even beside TILE_URL', async () => {
		const config = readConfig({ BASEMAP_FILE: path.join(dir, 'kosovo.pmtiles'), TILE_URL: TILES });
		expect(config.basemapFile).toBe(path.join(dir, 'kosovo.pmtiles'));
		expect(config.tileUrl).toBe('');
		expect(await policyFor({ BASEMAP_FILE: path.join(dir, 'kosovo.pmtiles'), TILE_URL: TILES })).toBe(POLICY);
		expect(await policyFor({ BASEMAP_FILE: path.join(dir, 'kosovo.pmtiles') })).toBe(POLICY);
	});

	it('tell the operator TILE_URL is ignored, by name only', () => {
		expect(configWarnings({ BASEMAP_FILE: '/srv/k.pmtiles', TILE_URL: TILES })).toEqual([
			expect.stringContaining('TILE_URL is ignored')
		]);
		expect(configWarnings({ BASEMAP_FILE: '/srv/k.pmtiles', TILE_URL: TILES })[0]).not.toContain('example');
		expect(configWarnings({ TILE_URL: TILES })).toEqual([]);
	});

	it('serve the demo archive in demo mode, and then no raster tiles either', async () => {
		const config = readConfig({ DATA_DIR: dir, TILE_URL: TILES });
		expect(basemapPath(config)).toBe(path.join(dir, 'basemap', 'demo-v1.pmtiles'));
		// Not made yet: the tile server stays the map's source, and the policy's.
		expect(await policyFor({ TILE_URL: TILES })).toContain("img-src 'self' data: blob: https://*.tiles.example.org");
		fs.mkdirSync(path.join(dir, 'basemap'));
		fs.writeFileSync(path.join(dir, 'basemap', 'demo-v1.pmtiles'), new Uint8Array([1]));
		expect((await mapSources(config)).basemap).not.toBeNull();
		expect(await policyFor({ TILE_URL: TILES })).toBe(POLICY);
	});

	it('keep the tile server when there is no basemap: production without BASEMAP_FILE', async () => {
		const config = readConfig({ NODE_ENV: 'production', DATA_DIR: dir, TILE_URL: TILES });
		expect(basemapPath(config)).toBeNull();
		expect(await mapSources(config)).toEqual({ basemap: null, tileUrl: TILES });
	});

	it('keep the OpenStreetMap default without either setting and without demo data', async () => {
		const config = readConfig({ DEMO_DATA: 'off', DATA_DIR: dir });
		expect(config.tileUrl).toMatch(/^https:\/\/tile\.openstreetmap\.org\//);
		expect(basemapPath(config)).toBeNull();
	});
});
