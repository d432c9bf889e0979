/**
 * The catalogue of labour violations (docs/DOMAIN.md, "After the inspection: the labour
 * inspection"): what an admin may change of a kind, and the starter list every server seeds when a
 * kind is absent. The ids are fixed so that two servers, and every device, name a kind alike.
 *
 * Article numbers are for the inspectorate to confirm: a legal basis names the law only.
 */
import { z } from 'zod';
import { violationSeverities, type ViolationSeverity } from '../records/codes.ts';

export const LABOUR_LAW = 'Law No. 03/L-212 on Labour';
export const SAFETY_LAW = 'Law No. 04/L-161 on Safety and Health at Work';

export const violationKindEditSchema = z.object({
	code: z
		.string()
		.trim()
		.regex(/^[a-z0-9_]{2,60}$/, 'code: 2–60 lower-case letters, digits or underscores'),
	titleSq: z.string().trim().min(1, 'titleSq is required').max(300),
	titleSr: z.string().trim().min(1, 'titleSr is required').max(300),
	titleEn: z.string().trim().min(1, 'titleEn is required').max(300),
	legalBasis: z.string().trim().max(300).default(''),
	severity: z.enum(violationSeverities)
});
export type ViolationKindEdit = z.infer<typeof violationKindEditSchema>;

export type SeedViolationKind = ViolationKindEdit & { id: string };

const kind = (
	n: number,
	code: string,
	severity: ViolationSeverity,
	legalBasis: string,
	titleSq: string,
	titleSr: string,
	titleEn: string
): SeedViolationKind => ({
	id: `5e1a0c00-0000-4000-8000-${String(n).padStart(12, '0')}`,
	code,
	titleSq,
	titleSr,
	titleEn,
	legalBasis,
	severity
});

export const seedViolationKinds: readonly SeedViolationKind[] = [
	kind(
		1,
		'no_written_contract',
		'serious',
		LABOUR_LAW,
		'Pa kontratë pune me shkrim para fillimit të punës',
		'Bez pisanog ugovora o radu pre početka rada',
		'No written employment contract before work started'
	),
	kind(
		2,
		'undeclared_worker',
		'very_serious',
		LABOUR_LAW,
		'Punëtor i padeklaruar',
		'Neprijavljeni radnik',
		'Undeclared worker'
	),
	kind(
		3,
		'pension_not_paid',
		'serious',
		LABOUR_LAW,
		'Kontributet pensionale të papaguara',
		'Neplaćeni penzijski doprinosi',
		'Pension contributions not paid'
	),
	kind(
		4,
		'wage_below_minimum',
		'serious',
		LABOUR_LAW,
		'Paga nën pagën minimale',
		'Plata ispod minimalne',
		'Wage below the minimum wage'
	),
	kind(
		5,
		'working_hours_overtime',
		'serious',
		LABOUR_LAW,
		'Orari i punës ose puna jashtë orarit e tejkaluar',
		'Prekoračeno radno vreme ili prekovremeni rad',
		'Working hours or overtime exceeded'
	),
	kind(
		6,
		'rest_not_given',
		'minor',
		LABOUR_LAW,
		'Pushimi ditor ose javor i pambajtur',
		'Nepoštovan dnevni ili nedeljni odmor',
		'Daily or weekly rest not given'
	),
	kind(
		7,
		'night_work',
		'minor',
		LABOUR_LAW,
		'Puna e natës në kundërshtim me ligjin',
		'Noćni rad suprotno zakonu',
		'Night work against the law'
	),
	kind(
		8,
		'minor_employed',
		'very_serious',
		LABOUR_LAW,
		'I mitur në punë ose në punë të ndaluar',
		'Maloletnik zaposlen ili na zabranjenom radu',
		'Minor employed or in prohibited work'
	),
	kind(
		9,
		'foreigner_without_permit',
		'very_serious',
		LABOUR_LAW,
		'Punëtor i huaj pa leje pune',
		'Strani radnik bez radne dozvole',
		'Foreign worker without a work permit'
	),
	kind(
		10,
		'no_risk_assessment',
		'serious',
		SAFETY_LAW,
		'Pa vlerësim të rrezikut për sigurinë dhe shëndetin në punë',
		'Bez procene rizika za bezbednost i zdravlje na radu',
		'No safety and health risk assessment'
	),
	kind(
		11,
		'no_worker_register',
		'minor',
		LABOUR_LAW,
		'Pa regjistër të punëtorëve ose të vijueshmërisë',
		'Bez evidencije radnika ili prisustva',
		'No register of workers or attendance'
	),
	kind(
		12,
		'licence_or_hours_breached',
		'serious',
		LABOUR_LAW,
		'Leja e punës së biznesit ose orari i saj i shkelur',
		'Prekršena dozvola za rad ili radno vreme objekta',
		'Operating licence or licensed hours breached'
	)
];
