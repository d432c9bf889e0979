/**
 * Importing venues or child sites from a register's CSV or GeoJSON. The preview writes nothing;
 * the confirmed import re-reads the same file and writes every row in one transaction, or — when
 * any row is wrong — none of them.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/index.ts';
import { municipalities } from '../db/schema.ts';
import type { SessionUser } from '../../domain/auth.ts';
import { parseImport, type ImportRequest, type ParsedImport } from '../../domain/register/importRows.ts';
import type { ImportPreview, ImportResult } from '../../domain/views/register.ts';
import { insertSynced } from '../records/syncedWrite.ts';
import { requireRegisterKeeper } from './access.ts';
import { deploymentBounds } from './settings.ts';

/** Rows shown back in the preview, so the planner sees the columns were read as meant. */
const PREVIEW_ROWS = 20;

async function parse(db: Db, request: ImportRequest): Promise<ParsedImport> {
	const known = await db
		.select({
			id: municipalities.id,
			code: municipalities.code,
			nameSq: municipalities.nameSq,
			nameSr: municipalities.nameSr,
			nameEn: municipalities.nameEn
		})
		.from(municipalities);
	return parseImport(request.layer, request.format, request.text, {
		bounds: deploymentBounds(),
		municipalities: known
	});
}

function previewOf(parsed: ParsedImport): ImportPreview {
	return {
		layer: parsed.layer,
		valid: parsed.rows.length,
		errors: parsed.errors,
		fileError: parsed.fileError,
		sample: parsed.rows.slice(0, PREVIEW_ROWS).map(({ row, data }) => ({
			row,
			name: data.name,
			kind: data.kind,
			municipalityId: data.municipalityId,
			lat: data.lat,
			lng: data.lng
		}))
	};
}

export async function importRegister(db: Db, actor: SessionUser, request: ImportRequest): Promise<ImportResult> {
	requireRegisterKeeper(actor);
	const parsed = await parse(db, request);
	const preview = previewOf(parsed);
	const clean = !parsed.fileError && parsed.errors.length === 0 && parsed.rows.length > 0;
	if (!request.confirm || !clean) return { written: false, preview };

	const count = await db.transaction(async (tx) => {
		// The import is audited once, with its size, not row by row.
		const audit = {
			userId: actor.id,
			action: `register.import.${parsed.layer}`,
			summary: () => `format=${request.format} rows=${parsed.rows.length}`
		};
		if (parsed.layer === 'venues') {
			const values = parsed.rows.map(({ data }) => ({
				id: randomUUID(),
				...data,
				status: 'active' as const,
				createdBy: actor.id
			}));
			await insertSynced(tx, { entity: 'location', values, scope: {}, audit });
		} else {
			const values = parsed.rows.map(({ data }) => ({ id: randomUUID(), ...data }));
			await insertSynced(tx, { entity: 'childSite', values, scope: {}, audit });
		}
		return parsed.rows.length;
	});
	return { written: true, count, preview };
}
