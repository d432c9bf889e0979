/**
 * Operational plans as planners read them: each plan's operations, teams, members and workload,
 * one filtered page of operations at a time (domain/planning/planList.ts), grouped by plan.
 */
import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import {
	containsPattern,
	pageWithin,
	PLAN_LIST_PAGE_SIZE,
	type PlanListQuery
} from '../../domain/planning/planList.ts';
import type { Db } from '../db/index.ts';
import { agencies, assignments, operations, plans, teams } from '../db/schema.ts';
import type { DetailMember, PlanOperation, PlanOverviewPage } from '../../domain/views/planning.ts';
import { membersOfTeams } from './operationDetail.ts';
import { visibleOperationSql } from './embargo.ts';
import type { SessionUser } from '../../domain/auth.ts';

/*
 * One row per operation, and one for each plan that has none yet (the left join's null): the items
 * the overview pages through. A plan without operations is dated by its period.
 */
const operationJoin = (reader: SessionUser | undefined) =>
	and(
		eq(operations.planId, plans.id),
		isNull(operations.deletedAt),
		// An operation under embargo is left out for anyone not on its list (planning/embargo.ts).
		reader ? visibleOperationSql(reader) : undefined
	);
const itemDate = sql<string>`coalesce(${operations.date}, ${plans.periodEnd})`;
const itemStart = sql<string>`coalesce(${operations.date}, ${plans.periodStart})`;

function itemConditions(query: PlanListQuery, today: string): SQL {
	const conditions: SQL[] = [isNull(plans.deletedAt)];
	// An operation under way stays current past midnight and until someone marks it done.
	const underWay = sql`${operations.status} = 'active'`;
	if (query.period === 'current') conditions.push(or(sql`${itemDate} >= ${today}`, underWay)!);
	if (query.period === 'past')
		conditions.push(sql`${itemDate} < ${today}`, sql`${operations.status} is distinct from 'active'`);
	if (query.status) conditions.push(eq(operations.status, query.status));
	if (query.q) {
		const pattern = containsPattern(query.q);
		conditions.push(or(ilike(plans.title, pattern), ilike(operations.title, pattern))!);
	}
	return and(...conditions)!;
}

/**
 * Newest relevant first: coming operations soonest first (tonight's on top), past ones latest
 * first. Each page's operations are then grouped under their plans, in the order first met.
 */
export async function planOverviews(
	database: Db,
	query: PlanListQuery,
	today: string,
	reader?: SessionUser
): Promise<PlanOverviewPage> {
	const where = itemConditions(query, today);
	const [counted] = await database
		.select({ total: sql<number>`count(*)::int` })
		.from(plans)
		.leftJoin(operations, operationJoin(reader))
		.where(where);
	const total = counted?.total ?? 0;
	const { page, pageCount, offset } = pageWithin(total, query.page);
	const ascending = query.period === 'current';
	const direction = (column: Parameters<typeof asc>[0]) => (ascending ? asc(column) : desc(column));

	const items = await database
		.select({ planId: plans.id, operationId: operations.id })
		.from(plans)
		.leftJoin(operations, operationJoin(reader))
		.where(where)
		.orderBy(
			direction(itemStart),
			direction(operations.startTime),
			asc(plans.title),
			asc(operations.title),
			asc(plans.id),
			asc(operations.id)
		)
		.limit(PLAN_LIST_PAGE_SIZE)
		.offset(offset);
	if (items.length === 0) return { plans: [], total, page, pageCount };

	const planIds = [...new Set(items.map((item) => item.planId))];
	const operationIds = items.flatMap((item) => (item.operationId ? [item.operationId] : []));
	const planRows = await database
		.select({
			id: plans.id,
			title: plans.title,
			objective: plans.objective,
			periodStart: plans.periodStart,
			periodEnd: plans.periodEnd
		})
		.from(plans)
		.where(inArray(plans.id, planIds));
	const operationRows = await operationDetails(database, operationIds);
	const operationById = new Map(operationRows.map((operation) => [operation.id, operation]));

	const grouped = planIds.map((planId) => {
		const plan = planRows.find((row) => row.id === planId)!;
		const ids = items.filter((item) => item.planId === planId && item.operationId).map((item) => item.operationId!);
		return { ...plan, operations: ids.map((id) => operationById.get(id)!) };
	});
	return { plans: grouped, total, page, pageCount };
}

async function operationDetails(database: Db, operationIds: string[]): Promise<PlanOperation[]> {
	if (operationIds.length === 0) return [];
	const operationRows = await database
		.select({
			id: operations.id,
			title: operations.title,
			date: operations.date,
			startTime: operations.startTime,
			endTime: operations.endTime,
			area: operations.area,
			status: operations.status,
			leadAgencyName: agencies.name
		})
		.from(operations)
		.innerJoin(agencies, eq(agencies.id, operations.leadAgencyId))
		.where(inArray(operations.id, operationIds));

	const teamRows = await database
		.select({
			operationId: teams.operationId,
			id: teams.id,
			name: teams.name,
			assignmentCount: sql<number>`count(${assignments.id})::int`,
			doneCount: sql<number>`(count(${assignments.id}) filter (where ${assignments.status} = 'done'))::int`
		})
		.from(teams)
		.leftJoin(assignments, and(eq(assignments.teamId, teams.id), isNull(assignments.deletedAt)))
		.where(and(inArray(teams.operationId, operationIds), isNull(teams.deletedAt)))
		.groupBy(teams.id)
		.orderBy(asc(teams.name));

	const teamIds = teamRows.map((team) => team.id);
	const members = teamIds.length === 0 ? new Map<string, DetailMember[]>() : await membersOfTeams(database, teamIds);

	return operationRows.map((operation) => ({
		...operation,
		teams: teamRows
			.filter((team) => team.operationId === operation.id)
			.map(({ operationId: _operationId, ...team }) => ({
				...team,
				members: members.get(team.id) ?? []
			}))
	}));
}
