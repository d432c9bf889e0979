import { openDatabase } from '../src/lib/server/db/index.ts';
import { sql } from 'drizzle-orm';
const d = await openDatabase({ dir: 'memory://' });
const r = await d.db.execute(sql`select tgrelid::regclass::text as t, tgname, pg_get_triggerdef(oid) as def from pg_trigger where not tgisinternal`);
for (const x of ((r as any).rows ?? r)) console.log(x.t, x.tgname, x.def.slice(0, 160));
const c = await d.db.execute(sql`select count(*) from sync_counter`); console.log((c as any).rows);
for (const t of ['app_meta','agencies','municipalities','sync_counter','audit_head','checklist_templates','nationality_mappings','helplines','person_texts','violation_kinds']) {
 const q = await d.db.execute(sql.raw(`select count(*)::int as n from ${t}`)); console.log(t, ((q as any).rows)[0].n);
}
await d.close();
