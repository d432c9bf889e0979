/**
 * The labour inspection of one visit, read back for the office page (/inspections/[id]): the
 * record, the violations with their kinds and the decisions for anyone who may see the visit; the
 * workers checked only with person-level access (the caller audits that read).
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { checkedWorkers, decisions, labourRecords, violationKinds, violations } from '../db/schema.ts';
import type { LabourView } from '../../domain/views/labour.ts';
import { toWire } from '../sync/wireRecords.ts';
import type { SyncEntity } from '../../domain/sync/entities.ts';

/** A stored row as its wire data and id: the shape the device holds, so the office reads the same fields. */
function asRecord<T>(entity: SyncEntity, row: Record<string, unknown> & { id: string }): T & { id: string } {
	return { ...(toWire(entity, row as never).data as T), id: row.id };
}

export async function labourView(db: Db, inspectionId: string, personLevel: boolean): Promise<LabourView | null> {
	const [records, workers, found, decided, kinds] = await Promise.all([
		db
			.select()
			.from(labourRecords)
			.where(and(eq(labourRecords.inspectionId, inspectionId), isNull(labourRecords.deletedAt))),
		personLevel
			? db
					.select()
					.from(checkedWorkers)
					.where(and(eq(checkedWorkers.inspectionId, inspectionId), isNull(checkedWorkers.deletedAt)))
					.orderBy(asc(checkedWorkers.id))
			: Promise.resolve(null),
		db
			.select()
			.from(violations)
			.where(and(eq(violations.inspectionId, inspectionId), isNull(violations.deletedAt)))
			.orderBy(asc(violations.id)),
		db
			.select()
			.from(decisions)
			.where(and(eq(decisions.inspectionId, inspectionId), isNull(decisions.deletedAt)))
			.orderBy(asc(decisions.decidedOn), asc(decisions.id)),
		db.select().from(violationKinds)
	]);
	if (!records.length && !workers?.length && !found.length && !decided.length) return null;
	const record = records[0] ? asRecord<LabourView['record'] & object>('labourRecord', records[0]) : null;
	return {
		// Free-text notes may name the people met: with the person-level records only.
		record: record && (personLevel ? record : { ...record, notes: '' }),
		workers: workers?.map((row) => asRecord<NonNullable<LabourView['workers']>[number]>('checkedWorker', row)) ?? null,
		violations: found.map((row) => {
			const kind = kinds.find((k) => k.id === row.kindId);
			return {
				...asRecord<LabourView['violations'][number]>('violation', row),
				kind: kind
					? {
							id: kind.id,
							code: kind.code,
							titleSq: kind.titleSq,
							titleSr: kind.titleSr,
							titleEn: kind.titleEn,
							legalBasis: kind.legalBasis,
							severity: kind.severity,
							active: kind.active
						}
					: null
			};
		}),
		decisions: decided.map((row) => asRecord<LabourView['decisions'][number]>('decision', row))
	};
}
