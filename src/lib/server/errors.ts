/** Bad input the user can fix: becomes a 4xx with `{ error, field }`, never a 500. */
export class UserInputError extends Error {
	constructor(
		readonly field: string,
		message: string,
		readonly status: 400 | 404 | 409 | 422 = 400
	) {
		super(message);
		this.name = 'UserInputError';
	}
}

/** An action the user's role does not allow on this record: becomes a 403 with `{ error, field }`. */
export class NotAllowedError extends Error {
	constructor(
		readonly field: string,
		message: string
	) {
		super(message);
		this.name = 'NotAllowedError';
	}
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (id: string): boolean => UUID.test(id);

/** An id that cannot exist reads like one that does not: 404 naming the field, before any query. */
export function requireUuid(id: string, field: string, what: string): void {
	if (!UUID.test(id)) throw new UserInputError(field, `no such ${what}`, 404);
}
