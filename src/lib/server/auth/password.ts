/** Password hashing: argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). */
import { hash, verify, type Algorithm } from '@node-rs/argon2';

// The package's `Algorithm` is a const enum, which isolated modules cannot read: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

// Verifying against this when the username is unknown keeps the response time the same, so timing
// does not reveal which usernames exist.
let decoy: Promise<string> | null = null;
export async function verifyDecoy(password: string): Promise<false> {
	decoy ??= hashPassword('decoy-password-never-matches');
	await verifyPassword(await decoy, password);
	return false;
}
