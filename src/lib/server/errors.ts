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
