/**
 * Photo bytes on disk under DATA_DIR/attachments, named by their SHA-256: written to a temporary
 * file and renamed, so a crash never leaves a half photo under a valid name.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { readConfig } from '../config.ts';

function folder(): string {
	return path.join(readConfig().dataDir, 'attachments');
}

export function sha256Hex(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

export async function storeAttachment(sha256: string, bytes: Uint8Array): Promise<void> {
	const dir = folder();
	await fs.mkdir(dir, { recursive: true });
	const target = path.join(dir, sha256);
	const temporary = path.join(dir, `.${randomUUID()}.part`);
	await fs.writeFile(temporary, bytes);
	await fs.rename(temporary, target);
}

export async function readAttachment(sha256: string): Promise<Uint8Array | null> {
	try {
		return await fs.readFile(path.join(folder(), sha256));
	} catch {
		return null;
	}
}

/** The type the bytes really are, from their first bytes; the Content-Type header is only a claim. */
export function sniffImageType(bytes: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | null {
	const b = bytes;
	if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
	if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
	const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
	if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
	return null;
}
