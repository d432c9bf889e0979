import type { SessionUser } from '$lib/domain/auth';

declare global {
	namespace App {
		interface Locals {
			/** The signed-in user, or null; set by hooks.server.ts from the session cookie. */
			user: SessionUser | null;
			/** Hash of the session token, so sign-out can revoke exactly this session. */
			sessionHash: string | null;
			/** This request's id, as answered in X-Request-Id and logged (server/requestLog.ts). */
			requestId: string;
		}
		interface Error {
			message: string;
			field?: string;
			/** An unexpected error's id, as logged (hooks.server.ts handleError). */
			id?: string;
		}
	}
}

export {};
