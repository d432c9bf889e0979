/**
 * The cryptography of the device lock. Records are sealed with AES-256-GCM under a random data key.
 * That key is wrapped (Web Crypto, AES-GCM) by a key derived from the PIN with PBKDF2-SHA-256, and
 * again by the device key the server escrows (deviceKey.ts on the server).
 *
 * Sealing runs inside IndexedDB transactions, which end as soon as they await anything that is not
 * IndexedDB — Web Crypto included — so records are sealed synchronously with @noble/ciphers' audited
 * AES-GCM; the key handling, where waiting is harmless, uses Web Crypto.
 */
import { gcm } from '@noble/ciphers/aes.js';

export type Sealed = { iv: Uint8Array; ct: Uint8Array };

/** OWASP's figure for PBKDF2-HMAC-SHA-256 (2023); about 0.2 s on a mid-range phone. */
export const PIN_ITERATIONS = 600_000;
const IV_BYTES = 12;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A fresh random IV for every seal: GCM must never see the same IV twice under one key. */
export function sealJson(key: Uint8Array, value: unknown): Sealed {
	const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
	return { iv, ct: gcm(key, iv).encrypt(encoder.encode(JSON.stringify(value))) };
}

/** Throws when the key is wrong or a byte was changed (GCM's tag). */
export function openJson(key: Uint8Array, sealed: Sealed): unknown {
	return JSON.parse(decoder.decode(gcm(key, sealed.iv).decrypt(sealed.ct)));
}

export function newDataKey(): Uint8Array {
	return crypto.getRandomValues(new Uint8Array(32));
}

export async function derivePinKey(pin: string, salt: Uint8Array, iterations = PIN_ITERATIONS): Promise<CryptoKey> {
	const material = await crypto.subtle.importKey('raw', encoder.encode(pin), 'PBKDF2', false, ['deriveKey']);
	return crypto.subtle.deriveKey(
		{ name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
		material,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt']
	);
}

/** The escrowed device key as a wrapping key (32 bytes, base64 from the server). */
export function importDeviceKey(base64: string): Promise<CryptoKey> {
	const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
	return crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

export async function wrapKey(wrapping: CryptoKey, dataKey: Uint8Array): Promise<Sealed> {
	const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, wrapping, dataKey as Uint8Array<ArrayBuffer>);
	return { iv, ct: new Uint8Array(ct) };
}

/** Rejects when the wrapping key is not the one that wrapped it (a wrong PIN). */
export async function unwrapKey(wrapping: CryptoKey, wrapped: Sealed): Promise<Uint8Array> {
	return new Uint8Array(
		await crypto.subtle.decrypt(
			{ name: 'AES-GCM', iv: wrapped.iv as Uint8Array<ArrayBuffer> },
			wrapping,
			wrapped.ct as Uint8Array<ArrayBuffer>
		)
	);
}
