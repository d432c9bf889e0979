/**
 * The audit chain's key. It lives outside the database, so someone who can rewrite the audit table
 * cannot recompute the keyed hashes that follow an edit. `AUDIT_KEY` when set (every instance on
 * one PostgreSQL needs the same); otherwise `DATA_DIR/audit.key`, made on the first start with
 * random bytes and readable by the server's user only, so the quick start needs no step.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readConfig } from '../config.ts';
import { log } from '../log.ts';

export const AUDIT_KEY_FILE = 'audit.key';
const MIN_LENGTH = 32;

// Resolved once per process, as the database is, and shared by every copy of this module (the
// built server and a test importing the sources), so one process never writes with two keys.
const SLOT = Symbol.for('kontrolla.auditKey');
type Slot = { [SLOT]?: Buffer };

export class AuditKeyError extends Error {
	override name = 'AuditKeyError';
}

/**
 * The key, or null when there is none and `create` is false (the verifier must not make a new key:
 * entries written with the lost one could then never be checked).
 */
export function auditKey({ create = true }: { create?: boolean } = {}): Buffer | null {
	const slot = globalThis as Slot;
	if (slot[SLOT]) return slot[SLOT];
	const key = readAuditKey(process.env, create);
	if (key) slot[SLOT] = key;
	return key;
}

export function auditKeyFile(env: NodeJS.ProcessEnv = process.env): string {
	return path.join(readConfig(env).dataDir, AUDIT_KEY_FILE);
}

export function readAuditKey(env: NodeJS.ProcessEnv, create: boolean): Buffer | null {
	const fromEnv = env.AUDIT_KEY?.trim();
	if (fromEnv) return checked(fromEnv, 'AUDIT_KEY');
	const file = auditKeyFile(env);
	if (!fs.existsSync(file)) {
		if (!create) return null;
		fs.mkdirSync(path.dirname(file), { recursive: true });
		try {
			// `wx`: a second process starting at the same moment reads the first one's key.
			fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
			log.info(`audit key created in ${file}: keep a copy apart from the database's backups`);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
	}
	if ((fs.statSync(file).mode & 0o077) !== 0) {
		log.warn(`${file} is readable by other users: chmod 600 it`);
	}
	return checked(fs.readFileSync(file, 'utf8').trim(), file);
}

function checked(text: string, source: string): Buffer {
	if (text.length < MIN_LENGTH)
		throw new AuditKeyError(`the audit key in ${source} must be at least ${MIN_LENGTH} characters`);
	return Buffer.from(text, 'utf8');
}
