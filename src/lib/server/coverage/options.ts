/** What the coverage filters can be set to (domain/views/coverage.ts). */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { rowsOf } from '../db/rows.ts';
import type { FilterOptions } from '../../domain/views/coverage.ts';

export async function filterOptions(db: Db): Promise<FilterOptions> {
	const [municipalities, plans] = await Promise.all([
		db.execute(sql`select id, code, name_en, name_sq, name_sr, lat, lng from municipalities
			where deleted_at is null order by name_en, id`),
		db.execute(sql`select id, title, period_start::text as period_start, period_end::text as period_end from plans
			where deleted_at is null order by period_start desc, title, id`)
	]);
	return {
		municipalities: rowsOf<{
			id: string;
			code: string;
			name_en: string;
			name_sq: string;
			name_sr: string;
			lat: number;
			lng: number;
		}>(municipalities).map((m) => ({
			id: m.id,
			code: m.code,
			name: { en: m.name_en, sq: m.name_sq, sr: m.name_sr },
			lat: Number(m.lat),
			lng: Number(m.lng)
		})),
		plans: rowsOf<{ id: string; title: string; period_start: string; period_end: string }>(plans).map((p) => ({
			id: p.id,
			title: p.title,
			periodStart: p.period_start,
			periodEnd: p.period_end
		}))
	};
}
