/**
 * How every module of this folder turns a stored code into words: one Paraglide message per code.
 * An unknown code falls back to the code itself rather than to an empty cell, so a new value stays
 * visible until it gets its translation.
 */
export type Messages<Code extends string = string> = Record<Code, () => string>;

export function labelFrom(messages: Partial<Messages>, code: string): string {
	return messages[code]?.() ?? code;
}
