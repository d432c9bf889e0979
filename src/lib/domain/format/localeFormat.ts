/**
 * Dates, times, numbers and percentages written the way each of the app's languages writes them,
 * from patterns shipped here rather than from the runtime's locale data. Chromium's Intl and
 * small-icu Node builds carry no Albanian data: asked for 'sq' they fall back to "2026 M12 2" and
 * a 12-hour clock, and the server and the browser may disagree. So Intl is used only where every
 * build has the data: an 'en-GB' DateTimeFormat read back as numeric parts (the wall clock in a
 * zone) and an 'en' NumberFormat without grouping (the rounding). Everything a reader sees is
 * assembled here.
 *
 * The patterns are CLDR's (sq, sr-Latn, en-GB), with two deliberate departures:
 * - every language uses the 24-hour clock `HH:mm`: police and inspectorate shifts run through the
 *   night, and CLDR's Albanian "9:05 m.d." is easy to misread;
 * - the all-numeric date writes the year in full (`2.12.2026`, not CLDR sq's `2.12.26`), and the
 *   day and month without a leading zero in sq and sr (as CLDR does), with one in en (en-GB's
 *   `02/12/2026`, which the app showed before).
 * English percentages keep the app's earlier "66.7 %" (space before the sign); sq and sr follow
 * CLDR, which writes "66,7%". Albanian groups thousands with a no-break space only from five
 * digits up (CLDR's minimum grouping digits of 2: `1234,5` but `12 345,5`).
 */

export type FormatLocale = 'en' | 'sq' | 'sr';

/** 'sr-Latn', 'sq-XK' or 'en-GB' as one of the three; any other language is written as English. */
export function toFormatLocale(tag: string): FormatLocale {
	const language = tag.split('-')[0]?.toLowerCase();
	return language === 'sq' || language === 'sr' ? language : 'en';
}

/** Numeric date styles; `medium` and the others name the month. */
export type DateStyle = 'numeric' | 'medium' | 'long' | 'weekday';

/** A day on the calendar; `month` runs 1–12 and `weekday` 0 (Sunday) – 6. */
export type CalendarDate = { year: number; month: number; day: number; weekday: number };

/** The wall clock somewhere at one instant. */
export type WallClock = CalendarDate & { hour: number; minute: number; second: number };

export type MomentOptions = {
	/** An IANA zone such as 'Europe/Belgrade'; left out, the runtime's own zone (the device's). */
	timeZone?: string;
	seconds?: boolean;
};

type Patterns = {
	/** Abbreviated and full month names, January first. */
	monthsShort: readonly string[];
	monthsLong: readonly string[];
	/** Abbreviated weekday names, Sunday first. */
	weekdaysShort: readonly string[];
	numericDate: (date: CalendarDate) => string;
	/** Day, month name and year, given the month's name. */
	dayMonthYear: (date: CalendarDate, month: string) => string;
	monthYear: (year: number, month: string) => string;
	dateTime: (date: string, time: string) => string;
	group: string;
	decimal: string;
	/** Digits the integer part needs before it is grouped at all (CLDR minimumGroupingDigits + 3). */
	groupFrom: number;
	percent: (number: string) => string;
};

const pad = (value: number) => String(value).padStart(2, '0');

/** No-break space: a figure and its unit, or a group of digits, never split over two lines. */
const NBSP = '\u00a0';

const patterns: Record<FormatLocale, Patterns> = {
	en: {
		monthsShort: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
		monthsLong: [
			'January',
			'February',
			'March',
			'April',
			'May',
			'June',
			'July',
			'August',
			'September',
			'October',
			'November',
			'December'
		],
		weekdaysShort: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
		numericDate: (d) => `${pad(d.day)}/${pad(d.month)}/${d.year}`,
		dayMonthYear: (d, month) => `${d.day} ${month} ${d.year}`,
		monthYear: (year, month) => `${month} ${year}`,
		dateTime: (date, time) => `${date}, ${time}`,
		group: ',',
		decimal: '.',
		groupFrom: 4,
		percent: (number) => `${number}${NBSP}%`
	},
	sq: {
		monthsShort: ['jan', 'shk', 'mar', 'pri', 'maj', 'qer', 'korr', 'gush', 'sht', 'tet', 'nën', 'dhj'],
		monthsLong: [
			'janar',
			'shkurt',
			'mars',
			'prill',
			'maj',
			'qershor',
			'korrik',
			'gusht',
			'shtator',
			'tetor',
			'nëntor',
			'dhjetor'
		],
		weekdaysShort: ['die', 'hën', 'mar', 'mër', 'enj', 'pre', 'sht'],
		numericDate: (d) => `${d.day}.${d.month}.${d.year}`,
		dayMonthYear: (d, month) => `${d.day} ${month} ${d.year}`,
		monthYear: (year, month) => `${month} ${year}`,
		dateTime: (date, time) => `${date}, ${time}`,
		group: NBSP,
		decimal: ',',
		groupFrom: 5,
		percent: (number) => `${number}%`
	},
	sr: {
		monthsShort: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'avg', 'sep', 'okt', 'nov', 'dec'],
		monthsLong: [
			'januar',
			'februar',
			'mart',
			'april',
			'maj',
			'jun',
			'jul',
			'avgust',
			'septembar',
			'oktobar',
			'novembar',
			'decembar'
		],
		weekdaysShort: ['ned', 'pon', 'uto', 'sre', 'čet', 'pet', 'sub'],
		numericDate: (d) => `${d.day}. ${d.month}. ${d.year}.`,
		dayMonthYear: (d, month) => `${d.day}. ${month} ${d.year}.`,
		monthYear: (year, month) => `${month} ${year}.`,
		dateTime: (date, time) => `${date} ${time}`,
		group: '.',
		decimal: ',',
		groupFrom: 4,
		percent: (number) => `${number}%`
	}
};

function nameAt(names: readonly string[], index: number): string {
	return names[index] ?? String(index + 1);
}

/** Month names for screens that list them (a month picker, a chart's axis). */
export function monthNames(locale: FormatLocale, style: 'short' | 'long' = 'long'): readonly string[] {
	return style === 'short' ? patterns[locale].monthsShort : patterns[locale].monthsLong;
}

// Built once per zone: a DateTimeFormat is slow to make and tables format hundreds of moments.
const clockFormats = new Map<string, Intl.DateTimeFormat>();

function clockFormat(timeZone: string | undefined): Intl.DateTimeFormat {
	const key = timeZone ?? '';
	let format = clockFormats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat('en-GB', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		clockFormats.set(key, format);
	}
	return format;
}

function weekdayOf(year: number, month: number, day: number): number {
	return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The wall clock in `timeZone` at `at`. Throws a RangeError for an invalid date, as Intl does. */
export function wallClock(at: Date, timeZone?: string): WallClock {
	const fields: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
	for (const part of clockFormat(timeZone).formatToParts(at)) {
		if (part.type !== 'literal') fields[part.type] = Number(part.value);
	}
	const { year = NaN, month = NaN, day = NaN, minute = NaN, second = NaN } = fields;
	// Some engines write midnight as 24 even with h23.
	const hour = (fields.hour ?? NaN) % 24;
	return { year, month, day, weekday: weekdayOf(year, month, day), hour, minute, second };
}

/** `YYYY-MM-DD` as a calendar day, without passing through any time zone. */
export function calendarDate(day: string): CalendarDate {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
	if (!match) throw new RangeError(`Not a calendar day: ${day}`);
	const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
	return { year, month, day: date, weekday: weekdayOf(year, month, date) };
}

/** A calendar day in `locale`: numeric `2.12.2026`, medium `2 dhj 2026`, long, or with the weekday. */
export function formatCalendarDate(date: CalendarDate, locale: FormatLocale, style: DateStyle = 'medium'): string {
	const p = patterns[locale];
	switch (style) {
		case 'numeric':
			return p.numericDate(date);
		case 'long':
			return p.dayMonthYear(date, nameAt(p.monthsLong, date.month - 1));
		case 'weekday':
			return `${nameAt(p.weekdaysShort, date.weekday)}, ${p.dayMonthYear(date, nameAt(p.monthsShort, date.month - 1))}`;
		case 'medium':
			return p.dayMonthYear(date, nameAt(p.monthsShort, date.month - 1));
	}
}

/** A `YYYY-MM-DD` day, as planned and reported; no zone can shift it. */
export function formatDay(day: string, locale: FormatLocale, style: DateStyle = 'medium'): string {
	return formatCalendarDate(calendarDate(day), locale, style);
}

/** A `YYYY-MM` month as "Dec 2026", or its abbreviated name alone without `withYear`. */
export function formatMonth(month: string, locale: FormatLocale, withYear = true): string {
	const { year, month: index } = calendarDate(`${month}-01`);
	const p = patterns[locale];
	const name = nameAt(p.monthsShort, index - 1);
	return withYear ? p.monthYear(year, name) : name;
}

/** The date of an instant as it was on the wall clock in `timeZone`. */
export function formatDate(
	at: Date,
	locale: FormatLocale,
	options: { style?: DateStyle; timeZone?: string } = {}
): string {
	return formatCalendarDate(wallClock(at, options.timeZone), locale, options.style);
}

function clockText(clock: WallClock, seconds: boolean): string {
	const time = `${pad(clock.hour)}:${pad(clock.minute)}`;
	return seconds ? `${time}:${pad(clock.second)}` : time;
}

/** `21:05` (or `21:05:07`) in every language. */
export function formatTime(at: Date, locale: FormatLocale, options: MomentOptions = {}): string {
	void locale; // One clock for all three languages today; the parameter keeps call sites uniform.
	return clockText(wallClock(at, options.timeZone), options.seconds ?? false);
}

/** Date and time together, e.g. sq `2 dhj 2026, 21:05`, sr `2. 12. 2026. 21:05` (numeric). */
export function formatDateTime(
	at: Date,
	locale: FormatLocale,
	options: MomentOptions & { style?: DateStyle } = {}
): string {
	const clock = wallClock(at, options.timeZone);
	return patterns[locale].dateTime(
		formatCalendarDate(clock, locale, options.style),
		clockText(clock, options.seconds ?? false)
	);
}

const plainFormats = new Map<number, Intl.NumberFormat>();

/** "-1234.5": Intl's rounding (half away from zero, on the decimal value) without any locale data. */
function plainNumber(value: number, fractionDigits: number): string {
	let format = plainFormats.get(fractionDigits);
	if (!format) {
		format = new Intl.NumberFormat('en', {
			useGrouping: false,
			minimumFractionDigits: fractionDigits,
			maximumFractionDigits: fractionDigits
		});
		plainFormats.set(fractionDigits, format);
	}
	return format.format(value);
}

/** A number with `fractionDigits` decimals, grouped and pointed as `locale` writes it. */
export function formatNumber(value: number, locale: FormatLocale, fractionDigits = 0): string {
	const plain = plainNumber(value, fractionDigits);
	const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(plain);
	if (!match) return plain; // NaN and ∞ have no digits to group.
	const [, sign = '', integer = '', fraction] = match;
	const p = patterns[locale];
	const grouped = integer.length >= p.groupFrom ? integer.replace(/\B(?=(\d{3})+$)/g, p.group) : integer;
	return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped}${p.decimal}${fraction}`;
}

/** A percentage given in points (12.5 means 12.5 %, as the coverage figures hold it). */
export function formatPercent(percent: number, locale: FormatLocale, fractionDigits = 1): string {
	return patterns[locale].percent(formatNumber(percent, locale, fractionDigits));
}
