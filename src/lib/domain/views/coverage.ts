/**
 * What the supervisors' coverage screens load (server/coverage/views.ts builds them): the filter
 * form's choices, and per screen the parts of the coverage report (domain/coverage/report.ts) it
 * shows. GET /api/coverage answers the whole `CoverageReport`.
 */
import type { Period } from '../coverage/filters.ts';
import type { CoverageReport, LocationKind, MunicipalityRow } from '../coverage/report.ts';
import type { VenueCoverage } from '../coverage/venues.ts';
import type { Text } from '../text.ts';

export type MunicipalityOption = { id: string; code: string; name: Text; lat: number; lng: number };
export type PlanOption = { id: string; title: string; periodStart: string; periodEnd: string };
/** What the coverage filters can be set to: municipalities and plans, for the filter form. */
export type FilterOptions = { municipalities: MunicipalityOption[]; plans: PlanOption[] };

/** An inspection counted in the figures, as a municipality's drill-down lists it. */
export type CountedInspection = {
	inspectionId: string;
	locationId: string;
	venueName: string;
	kind: LocationKind;
	/** Kosovo local date and time the visit started, `YYYY-MM-DD HH:MM`. */
	startedAt: string;
	outcome: string | null;
	screenedPersons: number;
	possibleVictims: number;
};

/** /coverage: the figures by municipality and kind, and the monthly trend. */
export type CoverageDashboard = Pick<CoverageReport, 'period' | 'totals' | 'byMunicipality' | 'byKind' | 'trend'> & {
	options: FilterOptions;
};

/** /coverage/map: the municipalities' circles, every venue's dot and the overdue list. */
export type CoverageMapView = Pick<CoverageReport, 'period' | 'totals' | 'byMunicipality' | 'overdue'> & {
	venues: VenueCoverage[];
	options: FilterOptions;
};

/** /coverage/report: the national report's tables. */
export type CoverageReportTables = Pick<CoverageReport, 'period' | 'totals' | 'report'> & { options: FilterOptions };

/** /coverage/municipality/[id]: one municipality's figures, venues and latest counted inspections. */
export type MunicipalityDrillDown = {
	period: Period;
	municipality: MunicipalityRow;
	venues: VenueCoverage[];
	inspections: { total: number; inspections: CountedInspection[] };
	options: FilterOptions;
};
