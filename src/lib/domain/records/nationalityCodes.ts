/**
 * Nationality as the national reports count it: ISO 3166-1 alpha-2 codes (docs/DOMAIN.md, "The
 * figures supervisors report"), with XK for Kosovo — a user-assigned code, not in ISO 3166-1 itself,
 * used for Kosovo by the EU, IOM and the ICU data every browser ships — and `unknown`.
 *
 * Before the codes, the profile asked a short choice of countries and "other" with free text; those
 * values are read back into codes by `normaliseNationality`, on the device (personProfile.ts) and on
 * the server (stored rows, old apps' pushes), so the tables never split one country over spellings.
 */

// ISO 3166-1 (the officially assigned alpha-2 codes) and XK.
// prettier-ignore
export const countryCodes = [
	'AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ', 'BA', 'BB', 'BD',
	'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS', 'BT', 'BV', 'BW', 'BY', 'BZ', 'CA',
	'CC', 'CD', 'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN', 'CO', 'CR', 'CU', 'CV', 'CW', 'CX', 'CY', 'CZ', 'DE',
	'DJ', 'DK', 'DM', 'DO', 'DZ', 'EC', 'EE', 'EG', 'EH', 'ER', 'ES', 'ET', 'FI', 'FJ', 'FK', 'FM', 'FO', 'FR', 'GA',
	'GB', 'GD', 'GE', 'GF', 'GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR', 'GS', 'GT', 'GU', 'GW', 'GY', 'HK',
	'HM', 'HN', 'HR', 'HT', 'HU', 'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR', 'IS', 'IT', 'JE', 'JM', 'JO', 'JP',
	'KE', 'KG', 'KH', 'KI', 'KM', 'KN', 'KP', 'KR', 'KW', 'KY', 'KZ', 'LA', 'LB', 'LC', 'LI', 'LK', 'LR', 'LS', 'LT',
	'LU', 'LV', 'LY', 'MA', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH', 'MK', 'ML', 'MM', 'MN', 'MO', 'MP', 'MQ', 'MR', 'MS',
	'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA', 'NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ',
	'OM', 'PA', 'PE', 'PF', 'PG', 'PH', 'PK', 'PL', 'PM', 'PN', 'PR', 'PS', 'PT', 'PW', 'PY', 'QA', 'RE', 'RO', 'RS',
	'RU', 'RW', 'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI', 'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS', 'ST',
	'SV', 'SX', 'SY', 'SZ', 'TC', 'TD', 'TF', 'TG', 'TH', 'TJ', 'TK', 'TL', 'TM', 'TN', 'TO', 'TR', 'TT', 'TV', 'TW',
	'TZ', 'UA', 'UG', 'UM', 'US', 'UY', 'UZ', 'VA', 'VC', 'VE', 'VG', 'VI', 'VN', 'VU', 'WF', 'WS', 'YE', 'YT', 'ZA',
	'ZM', 'ZW',
	'XK'
] as const;
export type CountryCode = (typeof countryCodes)[number];

export const UNKNOWN_NATIONALITY = 'unknown';
/** What a `country` checklist item and the nationality column hold. */
export const nationalityAnswers = [...countryCodes, UNKNOWN_NATIONALITY] as const;
export type NationalityAnswer = (typeof nationalityAnswers)[number];

/**
 * Offered first: Kosovo, its neighbours and the countries of origin the Kosovo figures name most
 * (docs/DOMAIN.md, "The work"): a night-time search should rarely be needed.
 */
export const commonCountries = [
	'XK',
	'AL',
	'RS',
	'MK',
	'ME',
	'MD',
	'UA',
	'RO',
	'BG',
	'TR'
] as const satisfies readonly CountryCode[];

const answerSet: ReadonlySet<string> = new Set(nationalityAnswers);

export function isNationalityAnswer(value: unknown): value is NationalityAnswer {
	return typeof value === 'string' && answerSet.has(value);
}
