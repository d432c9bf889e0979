/**
 * Checkpoints of the audit chain kept outside the database: an append-only file in DATA_DIR, one
 * JSON line per checkpoint (the head's entry number and hash when it was taken, with an HMAC under
 * the audit key). Someone who deletes the newest audit rows and moves `audit_head` back leaves a
 * chain that is sound in itself; a checkpoint past its end shows the cut.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readConfig } from '../config.ts';

export const CHECKPOINT_FILE = 'audit-checkpoints.jsonl';

export type Checkpoint = { seq: number; hash: string; at: string; mac: string };

export function checkpointFile(env: NodeJS.ProcessEnv = process.env): string {
	return path.join(readConfig(env).dataDir, CHECKPOINT_FILE);
}

function mac(key: Buffer, seq: number, hash: string, at: string): string {
	return createHmac('sha256', key)
		.update(JSON.stringify(['audit-checkpoint', seq, hash, at]))
		.digest('hex');
}

function parse(line: string): Checkpoint | null {
	try {
		const value = JSON.parse(line) as Partial<Checkpoint>;
		if (!Number.isSafeInteger(value.seq) || value.seq! < 0) return null;
		if (typeof value.hash !== 'string' || typeof value.at !== 'string' || typeof value.mac !== 'string') return null;
		return value as Checkpoint;
	} catch {
		return null;
	}
}

function signedBy(checkpoint: Checkpoint, key: Buffer | null): boolean {
	// Without the key nothing can be checked here; the chain's keyed entries fail on their own.
	if (!key) return true;
	const expected = Buffer.from(mac(key, checkpoint.seq, checkpoint.hash, checkpoint.at), 'hex');
	const given = Buffer.from(checkpoint.mac, 'hex');
	return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Every checkpoint in the file, or the first line that is not one we signed. A last line without
 * its line end was cut by a crash while being written and is left out.
 */
export function readCheckpoints(
	file: string,
	key: Buffer | null
): { ok: true; checkpoints: Checkpoint[] } | { ok: false; seq: number } {
	if (!fs.existsSync(file)) return { ok: true, checkpoints: [] };
	const text = fs.readFileSync(file, 'utf8');
	const lines = text.split('\n');
	if (!text.endsWith('\n')) lines.pop();
	const checkpoints: Checkpoint[] = [];
	for (const line of lines) {
		if (!line.trim()) continue;
		const checkpoint = parse(line);
		if (!checkpoint || !signedBy(checkpoint, key)) return { ok: false, seq: checkpoint?.seq ?? 0 };
		checkpoints.push(checkpoint);
	}
	return { ok: true, checkpoints };
}

const TAIL_BYTES = 4096;

/** The newest signed checkpoint, read from the file's end (the file grows for as long as the server runs). */
export function lastCheckpoint(file: string, key: Buffer): Checkpoint | null {
	if (!fs.existsSync(file)) return null;
	const fd = fs.openSync(file, 'r');
	try {
		const size = fs.fstatSync(fd).size;
		const length = Math.min(size, TAIL_BYTES);
		const buffer = Buffer.alloc(length);
		fs.readSync(fd, buffer, 0, length, size - length);
		const lines = buffer.toString('utf8').split('\n');
		for (let i = lines.length - 1; i >= 0; i--) {
			const checkpoint = parse(lines[i]!);
			if (checkpoint && signedBy(checkpoint, key)) return checkpoint;
		}
		return null;
	} finally {
		fs.closeSync(fd);
	}
}

export function appendCheckpoint(
	file: string,
	key: Buffer,
	anchor: { seq: number; hash: string },
	at = new Date()
): Checkpoint {
	const stamp = at.toISOString();
	const checkpoint: Checkpoint = {
		seq: anchor.seq,
		hash: anchor.hash,
		at: stamp,
		mac: mac(key, anchor.seq, anchor.hash, stamp)
	};
	fs.mkdirSync(path.dirname(file), { recursive: true });
	// One write of one short line in append mode: lines from two processes do not interleave.
	fs.appendFileSync(file, JSON.stringify(checkpoint) + '\n', { mode: 0o600 });
	return checkpoint;
}
