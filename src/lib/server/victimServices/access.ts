/**
 * Which persons a victim-services user may read: those referred to their organisation (a live
 * referral whose target is it), in the municipalities they cover when they cover some, and not
 * erased. One rule, in two forms: a SQL condition for lists, and a yes/no for one person. Anything
 * else answers as if there were no such person (404), like every id outside a user's scope.
 *
 * Exported for the access policy (server/auth/accessPolicy.ts) to plug in beside the agencies' rules.
 */
import { and, eq, exists, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { inspections, locations, referrals, screenedPersons, users } from '../db/schema.ts';
import type { SessionUser } from '../../domain/auth.ts';
import type { VictimServiceOrganisation } from '../../domain/victimServices.ts';
import { isUuid } from '../errors.ts';

export type VictimServicesScope = { organisation: VictimServiceOrganisation; municipalityIds: string[] };

/** Read from the user's row each time: an admin's change of organisation applies at the next request. */
export async function victimServicesScope(
	db: Db,
	user: Pick<SessionUser, 'id' | 'role'>
): Promise<VictimServicesScope | null> {
	if (user.role !== 'victim_services') return null;
	const [row] = await db
		.select({ organisation: users.organisation, municipalityIds: users.municipalityIds, active: users.active })
		.from(users)
		.where(eq(users.id, user.id));
	if (!row?.organisation || !row.active) return null;
	return { organisation: row.organisation, municipalityIds: row.municipalityIds };
}

/** A referral row (of `referrals`) is to this organisation, live. */
export function referralToScope(scope: VictimServicesScope): SQL {
	return and(eq(referrals.target, scope.organisation), isNull(referrals.deletedAt))!;
}

/**
 * Over a query that joins `screened_persons`, `inspections` and `locations`: the person is one the
 * scope may read. For a list, join `referrals` with `referralToScope` instead and add `personInScope`.
 */
export function personInScope(scope: VictimServicesScope): SQL {
	return and(
		isNull(screenedPersons.deletedAt),
		isNull(screenedPersons.anonymisedAt),
		isNull(inspections.deletedAt),
		scope.municipalityIds.length ? inArray(locations.municipalityId, scope.municipalityIds) : sql`true`
	)!;
}

/** The filter helper for a query over `screened_persons` alone: referred to the scope, and in it. */
export function referredToScopeSql(db: Db, scope: VictimServicesScope): SQL {
	return and(
		exists(
			db
				.select({ one: sql`1` })
				.from(referrals)
				.where(and(eq(referrals.personId, screenedPersons.id), referralToScope(scope)))
		),
		exists(
			db
				.select({ one: sql`1` })
				.from(inspections)
				.innerJoin(locations, eq(locations.id, inspections.locationId))
				.where(and(eq(inspections.id, screenedPersons.inspectionId), personInScope(scope)))
		)
	)!;
}

export async function victimServicesMayReadPerson(
	db: Db,
	user: Pick<SessionUser, 'id' | 'role'>,
	personId: string
): Promise<boolean> {
	if (!isUuid(personId)) return false;
	const scope = await victimServicesScope(db, user);
	if (!scope) return false;
	const [row] = await db
		.select({ id: screenedPersons.id })
		.from(screenedPersons)
		.where(and(eq(screenedPersons.id, personId), referredToScopeSql(db, scope)));
	return !!row;
}
