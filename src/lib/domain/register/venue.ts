/**
 * The venue register's input rules, one schema for the planner's form, the register
 * endpoints and the import: name, kind and municipality required, coordinates inside the
 * deployment's bounding box, a reason whenever a venue is closed or gone.
 */
import { z } from 'zod';
import { isInBounds, type Bounds } from '../geo/bounds.ts';
import { childSiteKinds, locationKinds } from '../records/codes.ts';

const coordinate = (name: string) =>
	z.number({ message: `${name} must be a number` }).refine(Number.isFinite, `${name} must be a number`);

const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, `at most ${max} characters`)
		.nullish()
		.transform((value) => value ?? '');

/** Where a point is and what it is called: shared by venues and child sites. */
const placeFields = {
	name: z.string({ message: 'name is required' }).trim().min(1, 'name is required').max(200, 'at most 200 characters'),
	municipalityId: z.uuid({ message: 'choose a municipality' }),
	address: optionalText(300),
	lat: coordinate('latitude'),
	lng: coordinate('longitude')
};

/**
 * A point outside the box is almost always a typing error (swapped or truncated coordinates), so
 * the error names the coordinate that is out of range, or latitude when both are.
 */
function insideBounds(bounds: Bounds) {
	return (place: { lat: number; lng: number }, ctx: z.RefinementCtx) => {
		if (isInBounds(place.lat, place.lng, bounds)) return;
		const latInside = place.lat >= bounds.minLat && place.lat <= bounds.maxLat;
		ctx.addIssue({
			code: 'custom',
			path: [latInside ? 'lng' : 'lat'],
			message: `the position is outside the deployment area (latitude ${bounds.minLat}–${bounds.maxLat}, longitude ${bounds.minLng}–${bounds.maxLng})`
		});
	};
}

export const venueFieldsSchema = z.object({
	...placeFields,
	kind: z.enum(locationKinds, { message: 'choose a kind of venue' }),
	businessRegNo: z
		.string()
		.trim()
		.max(50, 'at most 50 characters')
		.nullish()
		.transform((value) => value || null),
	riskNotes: optionalText(5000),
	ownerName: optionalText(200),
	managerName: optionalText(200),
	phone: optionalText(40).refine(
		(phone) => phone === '' || (/^\+?[\d\s()./-]+$/.test(phone) && phone.replace(/\D/g, '').length >= 6),
		'a phone number: digits, spaces and + - ( ) / only, at least 6 digits'
	)
});
export type VenueFields = z.output<typeof venueFieldsSchema>;
export type VenueFieldsInput = z.input<typeof venueFieldsSchema>;

export function venueSchema(bounds: Bounds) {
	return venueFieldsSchema.superRefine(insideBounds(bounds));
}

export const childSiteFieldsSchema = z.object({
	...placeFields,
	kind: z.enum(childSiteKinds, { message: 'choose a kind of place' })
});
export type ChildSiteFields = z.output<typeof childSiteFieldsSchema>;

export function childSiteSchema(bounds: Bounds) {
	return childSiteFieldsSchema.superRefine(insideBounds(bounds));
}

/** A planner's status change. Back to active needs no reason; closing or losing a venue does. */
export const venueStatusChangeSchema = z
	.object({
		status: z.enum(['active', 'closed_by_authority', 'gone'], { message: 'choose a status' }),
		reason: optionalText(1000)
	})
	.superRefine((change, ctx) => {
		if (change.status !== 'active' && !change.reason) {
			ctx.addIssue({ code: 'custom', path: ['reason'], message: 'give the reason' });
		}
	});
export type VenueStatusChange = z.output<typeof venueStatusChangeSchema>;

/** A planner's new or edited venue; `confirmDuplicate` saves despite a likely-duplicate warning. */
export function venueRequestSchema(bounds: Bounds) {
	return venueFieldsSchema
		.extend({ confirmDuplicate: z.boolean().optional().default(false) })
		.superRefine(insideBounds(bounds));
}

export const mergeRequestSchema = z.object({ targetId: z.uuid({ message: 'choose the venue to merge into' }) });

/**
 * `DEPLOYMENT_BOUNDS` as "minLat,minLng,maxLat,maxLng". A malformed value is a deployment error
 * that must stop the server, not silently fall back to another country's box.
 */
export function parseBounds(text: string): Bounds {
	const parts = text.split(',').map((part) => Number(part.trim()));
	const [minLat, minLng, maxLat, maxLng] = parts as [number, number, number, number];
	const valid =
		parts.length === 4 &&
		parts.every(Number.isFinite) &&
		minLat < maxLat &&
		minLng < maxLng &&
		minLat >= -90 &&
		maxLat <= 90 &&
		minLng >= -180 &&
		maxLng <= 180;
	if (!valid) throw new RangeError(`DEPLOYMENT_BOUNDS must be "minLat,minLng,maxLat,maxLng", not "${text}"`);
	return { minLat, minLng, maxLat, maxLng };
}
