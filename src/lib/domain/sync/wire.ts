/**
 * The sync wire format (docs/ARCHITECTURE.md, "Sync contract"): pull pages and push batches. Other
 * systems talk to these endpoints as written there, so field names here are the contract.
 */
import { z } from 'zod';
import { syncEntities } from './entities.ts';

export const syncEntitySchema = z.enum(syncEntities);

/**
 * A record's fields on the wire: an object, checked field by field where it is used (the entity's
 * own schema on the server, the record schemas on the device). Checking each key here as well cost
 * a first pull of 28,000 records a fifth of a second of the phone's main thread.
 */
const recordDataSchema = z.custom<Record<string, unknown>>(
	(value) => typeof value === 'object' && value !== null && !Array.isArray(value),
	'data must be an object'
);

export const changeSchema = z.object({
	entity: syncEntitySchema,
	id: z.uuid(),
	op: z.enum(['upsert', 'delete']),
	version: z.number().int(),
	data: recordDataSchema.nullable()
});
export type Change = z.infer<typeof changeSchema>;

export type PullCursor = { seq: number; horizon: number };

/** The cursor a pull page hands the device: what `pullQuerySchema` reads back. */
export function pullCursorText({ seq, horizon }: PullCursor): string {
	return horizon > 0 ? `${seq}.${horizon}` : String(seq);
}

export const pullQuerySchema = z.object({
	// `seq`, or `seq.horizon` for a device whose full resync began after the feed was pruned up to
	// `horizon` (see server/sync/pull.ts); opaque to the device either way.
	cursor: z
		.string()
		.regex(/^(\d{1,18}(\.\d{1,18})?)?$/, 'cursor must be a value returned by an earlier pull')
		.optional()
		.transform((c): PullCursor => {
			const [seq = '0', horizon = '0'] = (c ?? '').split('.');
			return { seq: Number(seq || 0), horizon: Number(horizon) };
		}),
	limit: z.coerce.number().int().min(1, 'limit must be at least 1').max(2000, 'limit must be at most 2000').default(500)
});

export const pullResponseSchema = z.object({
	changes: z.array(changeSchema),
	cursor: z.string(),
	hasMore: z.boolean()
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const MAX_MUTATIONS_PER_PUSH = 200;

export const mutationSchema = z.object({
	mutationId: z.uuid(),
	entity: syncEntitySchema,
	op: z.enum(['upsert', 'delete']),
	id: z.uuid(),
	/** The version the device edited from; 0 for a record the device created. */
	baseVersion: z.number().int().min(0),
	data: recordDataSchema.nullable(),
	/**
	 * Where this write stands in the device's own writes (a counter every local write advances):
	 * the order the submission lock reads, never the device's clock. Absent from older apps.
	 */
	deviceSeq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional()
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.object({
	deviceId: z.uuid(),
	mutations: z.array(mutationSchema).min(1, 'mutations must not be empty').max(MAX_MUTATIONS_PER_PUSH)
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const fieldErrorSchema = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const mutationResultSchema = z.object({
	mutationId: z.uuid(),
	status: z.enum(['applied', 'duplicate', 'conflict', 'rejected']),
	version: z.number().int().optional(),
	server: z.record(z.string(), z.unknown()).optional(),
	/** On a conflict: the fields the server kept its own value for. */
	conflicts: z.array(z.string()).optional(),
	errors: z.array(fieldErrorSchema).optional()
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({ results: z.array(mutationResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;
