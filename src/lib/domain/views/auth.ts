/**
 * The answers of /api/auth/…: who signed in, the device key for the PIN lock, and the two
 * refusals a device acts on by itself. The browser parses them: they decide what it keeps.
 */
import { z } from 'zod';
import { sessionUserSchema, type SessionUser } from '../auth.ts';
import { problemSchema } from './problem.ts';
import type { Bounds } from '../geo/bounds.ts';

/** What every page loads (the root layout): who is signed in, and the deployment's settings the app needs. */
export type AppShell = {
	user: SessionUser | null;
	/** The database holds the demonstration data: every page says so. */
	demoData: boolean;
	/** The raster tile template (TILE_URL); '' when a basemap is served: the pages then ask no other host. */
	tileUrl: string;
	/** The self-hosted vector basemap (README, "Basemap"); null when the server has none or the user has no map. */
	basemap: BasemapLink | null;
	/** The deployment's box: the maps' first view (server/config.ts, DEPLOYMENT_BOUNDS). */
	deploymentBounds: Bounds;
	/** Idle time before the PIN lock closes the app. */
	lockAfterMs: number;
	/** The child-site radius (server/register/settings.ts): a check-in on the phone judges the rule with it. */
	childRadiusMetres: number;
	/** REPORTING_TIME_ZONE (server/config.ts): the calendar of the figures and of reflection periods. */
	reportingTimeZone: string;
};

/**
 * Where the PMTiles archive is read by byte ranges, and its version: a device whose copy of an area
 * has another `etag` fetches the area again.
 */
export type BasemapLink = { url: '/api/basemap'; etag: string };

/** POST /api/auth/login (the session itself is in the cookie). */
export const signedInSchema = z.object({ user: sessionUserSchema });
export type SignedIn = z.infer<typeof signedInSchema>;

/** GET /api/auth/me: whom the session belongs to, or null without one. */
export const sessionAnswerSchema = z.object({ user: sessionUserSchema.nullable() });
export type SessionAnswer = z.infer<typeof sessionAnswerSchema>;

/** POST /api/auth/device-key: the key that opens the device's data key (client/lock). */
export const deviceKeySchema = z.object({ key: z.string().min(1) });
export type DeviceKey = z.infer<typeof deviceKeySchema>;

/** What the sign-in page's form (sent before its script ran) answers as `form.error`. */
export type LoginFormError = 'username' | 'password' | 'invalid' | 'throttled' | 'deviceTaken';

/** POST /api/auth/logout and /api/auth/devices/[id]/revoke. */
export type Done = { ok: true };

/** 401 from any API call of a revoked device: it wipes its local data. */
export const revokedDeviceSchema = problemSchema.extend({ wipe: z.literal(true) });
export type RevokedDevice = z.infer<typeof revokedDeviceSchema>;

/** 429 of a sign-in tried too often: seconds until the next try (also the Retry-After header). */
export const signInThrottledSchema = problemSchema.extend({ retryAfter: z.number().nonnegative() });
export type SignInThrottled = z.infer<typeof signInThrottledSchema>;
