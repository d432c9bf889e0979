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
