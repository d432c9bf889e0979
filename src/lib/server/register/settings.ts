/**
 * The register's deployment settings: the bounding box every venue and child site must lie in
 * (`DEPLOYMENT_BOUNDS`, "minLat,minLng,maxLat,maxLng"; Kosovo by default) and the child-site
 * radius (`CHILD_SITE_RADIUS_METRES`, 350 m by default, because the Criminal Code may be revised).
 */
import { DEFAULT_DEPLOYMENT_BOUNDS, type Bounds } from '../../domain/geo/bounds.ts';
import { DEFAULT_CHILD_RADIUS_METRES } from '../../domain/geo/proximity.ts';
import { parseBounds } from '../../domain/register/venue.ts';

export function deploymentBounds(env: NodeJS.ProcessEnv = process.env): Bounds {
	const text = env.DEPLOYMENT_BOUNDS?.trim();
	return text ? parseBounds(text) : DEFAULT_DEPLOYMENT_BOUNDS;
}

export function childRadiusMetres(env: NodeJS.ProcessEnv = process.env): number {
	const text = env.CHILD_SITE_RADIUS_METRES?.trim();
	if (!text) return DEFAULT_CHILD_RADIUS_METRES;
	const radius = Number(text);
	if (!(radius > 0) || !Number.isFinite(radius))
		throw new RangeError(`CHILD_SITE_RADIUS_METRES must be a positive number, not "${text}"`);
	return radius;
}
