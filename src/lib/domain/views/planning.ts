/**
 * What the planning pages and endpoints hand the browser: the plans overview (/plan), a plan, an
 * operation with its teams and route, the ranked suggestions, the warnings a planner may go ahead
 * past, and the answers of /api/plans/…. The server builds them in server/planning/.
 */
import type { CompositionGap } from '../planning/teams.ts';
import type { OperationStatus } from '../planning/operationStatus.ts';
import type { RankReason } from '../planning/ranking.ts';
import type { Text } from '../text.ts';
import type { MapVenue } from './map.ts';

/** A team's member, with their agency; the leader comes first. */
export type DetailMember = {
	userId: string;
	displayName: string;
	username: string;
	agencyCode: string;
	isLeader: boolean;
};

/** One team on the plans overview: its members and how far through its venues it is. */
export type PlanTeam = {
	id: string;
	name: string;
	members: DetailMember[];
	assignmentCount: number;
	doneCount: number;
};

export type PlanOperation = {
	id: string;
	title: string;
	date: string;
	startTime: string;
	endTime: string;
	area: string;
	status: string;
	leadAgencyName: Text;
	teams: PlanTeam[];
};

export type PlanOverview = {
	id: string;
	title: string;
	objective: string;
	periodStart: string;
	periodEnd: string;
	operations: PlanOperation[];
};

/** One page of the plans overview (domain/planning/planList.ts reads its query). */
export type PlanOverviewPage = { plans: PlanOverview[]; total: number; page: number; pageCount: number };

/** A plan with its operations (newest last), for the plan page. */
export type PlanDetail = {
	id: string;
	title: string;
	objective: string;
	periodStart: string;
	periodEnd: string;
	municipalityIds: string[];
	operations: {
		id: string;
		title: string;
		date: string;
		startTime: string;
		endTime: string;
		area: string;
		status: OperationStatus;
	}[];
};

/** A venue on a team's route, in visit order. */
export type DetailAssignment = {
	id: string;
	locationId: string;
	visitOrder: number;
	status: string;
	name: string;
	kind: string;
	address: string;
	lat: number;
	lng: number;
	municipality: Text;
	riskNotes: string;
};

export type DetailTeam = {
	id: string;
	name: string;
	compositionReason: string | null;
	members: DetailMember[];
	assignments: DetailAssignment[];
};

/** One operation as the planning screen and the briefing read it: teams, members, venues in visit order. */
export type OperationDetail = {
	id: string;
	planId: string;
	planTitle: string;
	planPeriod: { start: string; end: string };
	title: string;
	date: string;
	startTime: string;
	endTime: string;
	area: string;
	status: OperationStatus;
	leadAgencyId: string;
	leadAgency: Text;
	teams: DetailTeam[];
};

/** The choices of the planning forms: lead agencies, a plan's municipalities, team members. */
export type AgencyChoice = { id: string; code: string; name: Text };
export type MunicipalityChoice = Text & { id: string };
/** An active inspector a planner can put on a team, with their agency. */
export type TeamCandidate = { userId: string; displayName: string; username: string; agencyCode: string };

/** A venue that most needs a visit, with the reasons it was ranked (domain/planning/ranking.ts). */
export type Suggestion = Pick<MapVenue, 'id' | 'name' | 'kind' | 'address' | 'lat' | 'lng' | 'municipality'> & {
	score: number;
	reasons: RankReason[];
};

export type MemberDoubleBooking = {
	userId: string;
	displayName: string;
	teams: { teamId: string; teamName: string; operationTitle: string }[];
};
export type VenueTwice = {
	locationId: string;
	venueName: string;
	date: string;
	teams: { assignmentId: string; teamName: string; operationTitle: string }[];
};
export type TeamWarning = { teamId: string; teamName: string; gaps: CompositionGap[]; reason: string | null };
/** What a planner is warned about but may go ahead with (server/planning/warnings.ts). */
export type OperationWarnings = {
	teams: TeamWarning[];
	doubleBookings: MemberDoubleBooking[];
	venuesTwice: VenueTwice[];
};

/**
 * POST /api/plans/operations/[id]/assignments: the venues added, those already on the operation,
 * and those another operation visits the same day (a warning, not a refusal).
 */
export type AssignResult = { assigned: string[]; alreadyAssigned: string[]; venuesTwice: VenueTwice[] };
/** PATCH /api/plans/assignments/[id]: the moved assignment's new version. */
export type AssignmentMoved = { version: number };
/** DELETE /api/plans/assignments/[id]. */
export type AssignmentRemoved = { removed: true };
/** PUT /api/plans/teams/[id]/order: how many assignments changed place. */
export type VisitOrderSaved = { changed: number };

/**
 * A control inspection in the planners' queue (server/labour/followUps.ts): due, with its venue, the
 * violations to check, and the visit it is planned with, if any. Overdue: still due after its day.
 */
export type FollowUp = {
	id: string;
	dueOn: string;
	overdue: boolean;
	violationCount: number;
	sourceInspectionId: string;
	venue: { id: string; name: string; municipality: Text };
	planned: { operationId: string; operationTitle: string; date: string } | null;
};

/** The embargo of one operation as its page shows it (server/planning/embargo.ts). */
export type OperationEmbargoView = {
	state: 'unreleased' | 'released' | 'withdrawn' | 'expired';
	releasedAt: string | null;
	/** The briefing time as a `datetime-local` value in the operations' time zone. */
	releaseAt: string | null;
	withdrawnAt: string | null;
	expiredAt: string | null;
	/** Whether the reader is on the need-to-know list (may release, withdraw and keep the list). */
	onList: boolean;
	commanders: { userId: string; displayName: string; username: string; role: string }[];
	candidates: { userId: string; displayName: string; username: string; role: string }[];
};
