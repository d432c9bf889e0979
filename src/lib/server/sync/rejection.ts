import type { FieldError } from '../../domain/sync/wire.ts';

/** Thrown inside a mutation's transaction so nothing of it is written; answered as `rejected`. */
export class Rejection extends Error {
	constructor(readonly errors: FieldError[]) {
		super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
	}
}

export function reject(field: string, message: string): never {
	throw new Rejection([{ field, message }]);
}

export function zodErrors(issues: { path: PropertyKey[]; message: string }[], prefix = 'data'): FieldError[] {
	return issues.map((issue) => ({ field: [prefix, ...issue.path.map(String)].join('.'), message: issue.message }));
}
