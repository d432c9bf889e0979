import { json } from '@sveltejs/kit';
import type { SessionAnswer } from '$lib/domain/views/auth.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => json({ user: locals.user } satisfies SessionAnswer);
