/** `datetime-local` reads and writes the phone's wall-clock time, without a zone. */
export function localInputValue(at: Date): string {
	const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000);
	return local.toISOString().slice(0, 16);
}

/** The instant a `datetime-local` value names on this phone; now when empty. */
export function fromLocalInput(value: string): string {
	return (value ? new Date(value) : new Date()).toISOString();
}
