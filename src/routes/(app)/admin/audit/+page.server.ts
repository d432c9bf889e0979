import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db/index.ts';
import { auditQuerySchema, searchAudit } from '$lib/server/audit/search.ts';
import { verifyAuditChain } from '$lib/server/audit/verify.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	if (locals.user?.role !== 'admin') error(403, 'Not allowed for your role');
	const parsed = auditQuerySchema.safeParse(Object.fromEntries(url.searchParams));
	const query = parsed.success ? parsed.data : auditQuerySchema.parse({});
	const database = await db();
	const page = await searchAudit(database, query);
	const chain = url.searchParams.has('verify') ? await verifyAuditChain(database) : null;
	return {
		query: Object.fromEntries(url.searchParams),
		queryError: parsed.success ? null : (parsed.error.issues[0]?.path.join('.') ?? 'query'),
		...page,
		chain
	};
};
