import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * `Authorization: Bearer <token>` against the configured token, in constant time: both sides are
 * hashed first, so neither the comparison nor an early length check tells how much of a guess was right.
 */
export function bearerMatches(header: string | null, token: string): boolean {
	const given = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
	if (given === undefined) return false;
	const digest = (text: string) => createHash('sha256').update(text).digest();
	return timingSafeEqual(digest(given), digest(token));
}
